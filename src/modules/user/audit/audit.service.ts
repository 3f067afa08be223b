import { DataSource } from "typeorm";
import { checkText } from "../../../shared/input-text";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { fetchPage } from "../../../shared/pagination/fetch";
import { PageRequest } from "../../../shared/pagination/page-request";
import { SortOrder, byId } from "../../../shared/pagination/sort-order";
import { decodeAnyGlobalId, decodeGlobalIdOf } from "../../../shared/global-id";
import { AuditEvent } from "./audit-event.entity";
import { AuditEventFilter } from "./audit.inputs";

/** Newest first: (at, id) descending, which the (at, id) and (user_id, at, id) indexes serve. */
export const auditNewestFirst: SortOrder<AuditEvent> = {
  name: "audit-newest",
  direction: "DESC",
  keys: [{ column: "at", kind: "date", read: (event) => event.at }, byId],
};

/** Reads of the audit trail, for admins. */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: PageRequest<AuditEvent>, filter: AuditEventFilter = {}): Promise<Connection<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder("event");
    if (filter.actorId != null) qb.andWhere("event.user_id = :actorId", { actorId: decodeGlobalIdOf("User", filter.actorId, "filter.actorId") });
    if (filter.action != null) qb.andWhere("event.action = :action", { action: checkText("filter.action", filter.action, { max: 40 }) });
    if (filter.objectId != null) {
      const object = decodeAnyGlobalId(filter.objectId, "filter.objectId");
      qb.andWhere("event.object_type = :objectType AND event.object_id = :objectId", { objectType: object.type, objectId: object.id });
    }
    if (filter.since != null) qb.andWhere("event.at >= :since", { since: filter.since });
    if (filter.until != null) qb.andWhere("event.at < :until", { until: filter.until });
    return connectionFrom(await fetchPage(qb, "event", request), () => qb.getCount());
  }
}
