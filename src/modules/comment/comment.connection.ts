import { ConnectionType } from "../../shared/pagination/connection.types";
import { Comment } from "./comment.entity";

export const CommentConnection = ConnectionType(Comment, "Comment");
