import { createHash } from "node:crypto";
import { EntityManager } from "typeorm";
import { BadUserInputError, IdempotencyConflictError } from "../errors";
import { isStorableText } from "../input-text";
import { IdempotencyKey } from "./idempotency-key.entity";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The `idempotencyKey` field of every create input. */
export const CREATE_IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    "A retried or concurrent call with the same key returns the first result and creates nothing new; keys are the caller's own, at most 255 characters, kept 24 hours.",
} as const;

/** What claiming a key found: the key is ours now, or an earlier call with the same input already produced `resultId`. */
export type Claim = { fresh: true } | { fresh: false; resultId: number };

/**
 * "Exactly once under retries", inside the caller's transaction. `claim`
 * inserts the key (or takes over one older than 24 h); the caller then
 * writes and `complete`s with the id it created, in the same transaction.
 * A concurrent call with the same key blocks on PostgreSQL's unique index
 * until the first commits and then finds its result (on SQLite writes are
 * serialized, see `inTransaction`); if the first rolls back, the second
 * proceeds as the first.
 */
export class IdempotencyKeys {
  constructor(private readonly now: () => number = Date.now) {}

  async claim(manager: EntityManager, operation: string, key: string, input: unknown): Promise<Claim> {
    const existing = await this.claimRow(manager, operation, key, input);
    if (!existing) return { fresh: true };
    if (existing.resultId === null) throw new Error(`idempotency key ${operation}/${key} committed without a result`);
    return { fresh: false, resultId: existing.resultId };
  }

  async complete(manager: EntityManager, operation: string, key: string, resultId: number): Promise<void> {
    await manager.getRepository(IdempotencyKey).update({ operation, key }, { resultId });
  }

  /**
   * Runs `create` once per `key` in the caller's transaction: the first call
   * runs it and records the id it returns; a retried or concurrent call with
   * the same key and input gets that id without running it (`fresh` false),
   * one with other input a CONFLICT. Without a key it just runs.
   */
  async once(
    manager: EntityManager,
    operation: string,
    key: string | null | undefined,
    input: unknown,
    create: () => Promise<number>,
  ): Promise<{ id: number; fresh: boolean }> {
    if (key == null) return { id: await create(), fresh: true };
    checkIdempotencyKey(key, "input.idempotencyKey");
    const claim = await this.claim(manager, operation, key, input);
    if (!claim.fresh) return { id: claim.resultId, fresh: false };
    const id = await create();
    await this.complete(manager, operation, key, id);
    return { id, fresh: true };
  }

  /**
   * `once` for a result that is not a row id: the text `create` returns is
   * kept with the key (at most 255 characters; never a secret, since the
   * table is not one) and given back to retries.
   */
  async onceText(
    manager: EntityManager,
    operation: string,
    key: string | null | undefined,
    input: unknown,
    create: () => Promise<string>,
    field = "input.idempotencyKey",
  ): Promise<{ value: string; fresh: boolean }> {
    if (key == null) return { value: await create(), fresh: true };
    checkIdempotencyKey(key, field);
    const existing = await this.claimRow(manager, operation, key, input);
    if (existing) {
      if (existing.resultText === null) throw new Error(`idempotency key ${operation}/${key} committed without a result`);
      return { value: existing.resultText, fresh: false };
    }
    const value = await create();
    await manager.getRepository(IdempotencyKey).update({ operation, key }, { resultText: value });
    return { value, fresh: true };
  }

  /** Deletes keys past their 24 h: they would be taken over anyway, this keeps the table small. */
  async purgeExpired(manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().delete().from(IdempotencyKey).where("created_at < :cutoff", { cutoff: this.cutoff() }).execute();
  }

  /** Null when the key is ours now; else the first call's row, whose input must be the same. */
  private async claimRow(manager: EntityManager, operation: string, key: string, input: unknown): Promise<IdempotencyKey | null> {
    const inputHash = hashOf(input);
    if (await this.insertOrTakeOver(manager, operation, key, inputHash)) return null;
    const existing = await manager.getRepository(IdempotencyKey).findOneByOrFail({ operation, key });
    if (existing.inputHash !== inputHash) throw new IdempotencyConflictError();
    return existing;
  }

  private async insertOrTakeOver(manager: EntityManager, operation: string, key: string, inputHash: string): Promise<boolean> {
    // Named parameters through the driver: it also writes dates the way TypeORM stores them on each store.
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `INSERT INTO idempotency_key (operation, key, input_hash, result_id, created_at) VALUES (:operation, :key, :inputHash, NULL, :now)
       ON CONFLICT (operation, key) DO UPDATE SET input_hash = excluded.input_hash, result_id = NULL, result_text = NULL, created_at = excluded.created_at
       WHERE idempotency_key.created_at < :cutoff
       RETURNING key`,
      { operation, key, inputHash, now: new Date(this.now()), cutoff: this.cutoff() },
    );
    const rows: unknown[] = await manager.query(sql, parameters);
    return rows.length > 0;
  }

  private cutoff(): Date {
    return new Date(this.now() - IDEMPOTENCY_TTL_MS);
  }
}

/** BAD_USER_INPUT unless the key is 1 to 255 characters. */
export function checkIdempotencyKey(key: string, field: string): void {
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new BadUserInputError(`${field} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, { field, maximum: MAX_IDEMPOTENCY_KEY_LENGTH });
  }
  if (!isStorableText(key)) throw new BadUserInputError(`${field} must not contain NUL bytes.`, { field });
}

/** Key order does not change the hash: `{a, b}` and `{b, a}` are the same input. */
function hashOf(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
