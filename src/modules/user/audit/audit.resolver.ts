import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { UserContext } from "../user.services";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection } from "../../../shared/pagination/connection.types";
import { pageRequest } from "../../../shared/pagination/page-request";
import { IdTypeName, encodeGlobalId } from "../../../shared/global-id";
import { Role } from "../role";
import { User } from "../user.entity";
import { AuditEvent } from "./audit-event.entity";
import { AuditEventConnection, AuditEventFilter } from "./audit.inputs";
import { auditNewestFirst } from "./audit.service";

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "Admins: the audit trail, newest first." })
  auditEvents(
    @Args() args: ConnectionArgs,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Ctx() ctx: UserContext,
  ): Promise<Connection<AuditEvent>> {
    return ctx.services.audit.list(pageRequest(args, auditNewestFirst), filter ?? {});
  }

  @FieldResolver(() => User, { nullable: true, description: "Who acted; null for the system (the scheduler, the command line) or a deleted account." })
  actor(@Root() event: AuditEvent, @Ctx() ctx: UserContext): Promise<User | null> | null {
    return event.userId === null ? null : ctx.loaders.userById.load(event.userId);
  }

  @FieldResolver(() => ID, { description: "The global id of the object acted on; it may since have been deleted." })
  objectId(@Root() event: AuditEvent): string {
    return encodeGlobalId(event.objectType as IdTypeName, event.objectId);
  }
}
