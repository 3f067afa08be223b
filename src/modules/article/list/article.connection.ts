import { ConnectionType } from "../../../shared/pagination/connection.types";
import { Article } from "../article.entity";

export const ArticleConnection = ConnectionType(Article, "Article");
