import { ConnectionType } from "../../../shared/pagination/connection.types";
import { Author } from "./author.entity";

export const AuthorConnection = ConnectionType(Author, "Author");
