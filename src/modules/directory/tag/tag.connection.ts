import { ConnectionType } from "../../../shared/pagination/connection.types";
import { Tag } from "./tag.entity";

export const TagConnection = ConnectionType(Tag, "Tag");
