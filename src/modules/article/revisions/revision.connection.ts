import { ConnectionType } from "../../../shared/pagination/connection.types";
import { SortOrder, byId } from "../../../shared/pagination/sort-order";
import { ArticleRevision } from "./article-revision.entity";

export const ArticleRevisionConnection = ConnectionType(ArticleRevision, "ArticleRevision");

/** Newest first: ids grow with every save, so the id alone is a total order in time. */
export const newestRevisionFirst: SortOrder<ArticleRevision> = { name: "revisions", direction: "DESC", keys: [byId] };
