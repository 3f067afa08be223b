import { EntityManager } from "typeorm";
import { IdTypeName } from "../../../shared/global-id";
import { AuditEvent } from "./audit-event.entity";

/** Records an action in the caller's transaction, so the trail and the change commit or roll back together. */
export async function recordAudit(
  manager: EntityManager,
  userId: number | null,
  action: string,
  objectType: IdTypeName,
  objectId: number,
  detail: string | null = null,
): Promise<void> {
  await manager.insert(AuditEvent, { userId, action, objectType, objectId, at: new Date(), detail: detail?.slice(0, 500) ?? null });
}
