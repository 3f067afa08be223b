import { InitialSchema1764380000000 } from "./1764380000000-InitialSchema";
import { ArticlePageAndSearch1764390000000 } from "./1764390000000-ArticlePageAndSearch";

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [InitialSchema1764380000000, ArticlePageAndSearch1764390000000];
