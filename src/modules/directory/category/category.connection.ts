import { ConnectionType } from "../../../shared/pagination/connection.types";
import { Category } from "./category.entity";

export const CategoryConnection = ConnectionType(Category, "Category");
