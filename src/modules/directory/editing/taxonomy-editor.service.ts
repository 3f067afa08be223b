import { DataSource, EntityManager, FindOptionsWhere } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { tags } from "../../../caching/cache-tags";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { WriteEvents } from "../../../outbox/write-events";
import { inTransaction, inTransactionRetryingKeyRaces } from "../../../database/transaction";
import { IdempotencyKeys } from "../../../shared/idempotency/idempotency-keys";
import { BadUserInputError, NotFoundError } from "../../../shared/errors";
import { checkText } from "../../../shared/input-text";
import { updateAtVersionOf } from "../../../shared/versioned-update";
import { decodeGlobalIdOf, encodeGlobalId } from "../../../shared/global-id";
import { EntryReference } from "../../feature-module";
import { User, recordAudit } from "../../user";
import { DeletePayload, Deletion } from "./taxonomy.inputs";
import { TaxonomyFields, TaxonomyKind, TaxonomyRow } from "./taxonomy-kind";
import { uniqueSlugIn } from "./taxonomy-slugs";

/** Names and slugs fit their columns (varchar 200); slugs are cut to 80 anyway. */
const NAME_MAX = 200;

/** The cache tags of each kind: its rows, its list, its feeds by slug. */
const KIND_TAGS: Record<TaxonomyKind<TaxonomyRow>["type"], { object: (id: number) => string; list: string; feed: (slug: string) => string }> = {
  Author: { object: tags.author, list: tags.authors, feed: tags.authorFeed },
  Category: { object: tags.section, list: tags.sections, feed: tags.sectionFeed },
  Tag: { object: tags.tag, list: tags.tagList, feed: tags.tagFeed },
};

const messages = {
  notFound: (noun: string) => `No such ${noun}.`,
  noTarget: (noun: string) => `input.reassignTo names no ${noun}.`,
  ontoItself: (noun: string) => `A ${noun} cannot be reassigned to itself.`,
};

/**
 * Creates, updates and deletes authors, sections or tags (one instance per
 * kind). Each write is one transaction with its audit event; updates are
 * conditional on the version the editor read; deletions never take
 * articles with them (see `TaxonomyKind.release`).
 */
export class TaxonomyEditor<T extends TaxonomyRow> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: TaxonomyKind<T>,
    private readonly contentChanged: ContentChanged,
    /** Told `taxonomy.changed` in each write's transaction. */
    private readonly events: WriteEvents,
    /** Other modules' rows that point at rows of this kind. */
    private readonly references: EntryReference[] = [],
    private readonly idempotency = new IdempotencyKeys(),
  ) {}

  /**
   * Every write purges the row's tag (its name shows wherever it is shown),
   * the list of its kind, and the feeds by its slugs, old and new (a feed
   * asked for by a slug nobody had is an empty answer that a new slug fills).
   */
  create(user: User, input: TaxonomyFields & { name: string; idempotencyKey?: string | null }): Promise<T> {
    return this.inSlugTransaction(async (manager, changed) => {
      const operation = `create${this.kind.type}:${user.id}`;
      const { id, fresh } = await this.idempotency.once(manager, operation, input.idempotencyKey, input, () => this.insert(manager, user, input));
      const row = await this.reload(manager, id);
      if (!fresh) return row;
      await this.changed(manager, "created", id);
      return this.purging(row, changed);
    });
  }

  private async insert(manager: EntityManager, user: User, input: TaxonomyFields & { name: string }): Promise<number> {
    const name = checkText("input.name", input.name, { max: NAME_MAX });
    const slug = await uniqueSlugIn(manager, this.kind.entity, input.slug != null ? checkText("input.slug", input.slug, { max: NAME_MAX }) : name);
    const row = { ...this.kind.columns(input), ...this.kind.defaults(), name, slug, version: 1 };
    const { identifiers } = await manager.insert(this.kind.entity, row as unknown as QueryDeepPartialEntity<T>);
    const id = identifiers[0].id as number;
    await recordAudit(manager, user.id, `create${this.kind.type}`, this.kind.type, id);
    return id;
  }

  update(user: User, input: TaxonomyFields & { id: string; version: number }): Promise<T> {
    const id = decodeGlobalIdOf(this.kind.type, input.id, "input.id");
    return this.inSlugTransaction(async (manager, changed) => {
      // A missing row is updateAtVersionOf's NOT_FOUND.
      const before = await manager.findOneBy(this.kind.entity, this.where(id));
      if (before) this.purging(before, changed);
      const changes = this.kind.columns(input);
      if (input.name != null) changes.name = checkText("input.name", input.name, { max: NAME_MAX });
      if (input.slug != null) changes.slug = await uniqueSlugIn(manager, this.kind.entity, checkText("input.slug", input.slug, { max: NAME_MAX }), id);
      await updateAtVersionOf(manager, this.kind.entity, this.kind.noun, id, input.version, changes as QueryDeepPartialEntity<T>);
      await recordAudit(manager, user.id, `update${this.kind.type}`, this.kind.type, id, Object.keys(changes).join(", ") || null);
      await this.changed(manager, "updated", id);
      return this.purging(await this.reload(manager, id), changed);
    });
  }

  /** Deletes the row after `release` has moved (or refused to lose) what refers to it. */
  delete(user: User, input: Deletion): Promise<DeletePayload> {
    const { type, noun, entity } = this.kind;
    const id = decodeGlobalIdOf(type, input.id, "input.id");
    const targetId = input.reassignTo == null ? null : decodeGlobalIdOf(type, input.reassignTo, "input.reassignTo");
    if (targetId === id) throw new BadUserInputError(messages.ontoItself(noun), { field: "input.reassignTo" });
    return purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        this.purging(await this.existing(manager, id), changed);
        if (targetId !== null) {
          const target = await manager.findOneBy(entity, this.where(targetId));
          if (!target) throw new BadUserInputError(messages.noTarget(noun), { field: "input.reassignTo" });
          this.purging(target, changed);
        }
        // Its articles' reading paths rank by author, section and tags.
        changed.add(tags.readingPath);
        const articleCount = await this.kind.release(manager, id, targetId, this.references);
        await manager.delete(entity, this.where(id));
        const reassignedTo = targetId === null ? null : encodeGlobalId(type, targetId);
        const detail = targetId === null ? `${articleCount} articles untagged` : `${articleCount} articles moved to ${reassignedTo}`;
        await recordAudit(manager, user.id, `delete${type}`, type, id, articleCount > 0 || targetId !== null ? detail : null);
        await this.changed(manager, "deleted", id, reassignedTo);
        return { deletedId: encodeGlobalId(type, id), reassignedTo, articleCount };
      }),
    );
  }

  /**
   * A free slug is found by reading which are taken, so on PostgreSQL two
   * editors creating the same name at once can both pick it; the unique
   * index refuses the second, whose transaction then runs again and finds
   * the next free one. (SQLite runs one write transaction at a time.)
   */
  private inSlugTransaction<R>(work: (manager: EntityManager, changed: Set<string>) => Promise<R>): Promise<R> {
    return purgingAfter(this.contentChanged, (changed) => inTransactionRetryingKeyRaces(this.dataSource, (manager) => work(manager, changed)));
  }

  private async existing(manager: EntityManager, id: number): Promise<T> {
    const row = await manager.findOneBy(this.kind.entity, this.where(id));
    if (!row) throw new NotFoundError(messages.notFound(this.kind.noun), { field: "input.id" });
    return row;
  }

  /** `taxonomy.changed`: which row, and how; a deletion names the row its articles moved to, if any. */
  private changed(manager: EntityManager, change: "created" | "updated" | "deleted", id: number, reassignedTo: string | null = null): Promise<void> {
    const data = { kind: this.kind.type, id: encodeGlobalId(this.kind.type, id), change, ...(change === "deleted" ? { reassignedTo } : {}) };
    return this.events.emit(manager, "taxonomy.changed", data);
  }

  /** Adds what readers see of `row` to `changed`; returns the row. */
  private purging(row: T, changed: Set<string>): T {
    const kindTags = KIND_TAGS[this.kind.type];
    for (const tag of [kindTags.object(row.id), kindTags.list, kindTags.feed(row.slug), tags.missing]) changed.add(tag);
    return row;
  }

  private reload(manager: EntityManager, id: number): Promise<T> {
    return manager.getRepository(this.kind.entity).findOneByOrFail(this.where(id));
  }

  /** `{ id }` as a condition on T, which TypeScript cannot see every taxonomy row has. */
  private where(id: number): FindOptionsWhere<T> {
    return { id } as FindOptionsWhere<T>;
  }
}
