import "reflect-metadata";
import { accountModule } from "./account";
import { articleModule } from "./article";
import { commentModule } from "./comment";
import { directoryModule } from "./directory";
import { nodeModule } from "./node";
import { syndicationModule } from "./syndication";
import { userModule } from "./user";
import { webhookModule } from "./webhook";

/**
 * Every feature module, each after the modules it builds on: the schema,
 * the services, the context and the entity list are built from this list.
 */
export const featureModules = [userModule, directoryModule, accountModule, articleModule, commentModule, nodeModule, syndicationModule, webhookModule] as const;

export type { AccountContext } from "./account";
export type { CommentContext } from "./comment";
export { authChecker } from "./user";
export type { User } from "./user";
