import { DataSource, EntityManager, FindOptionsWhere } from "typeorm";
import { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { ContentChanged, purgingAfter } from "../../caching/content-changes";
import { inTransaction, inTransactionRetryingKeyRaces } from "../../database/transaction";
import { BadUserInputError, NotFoundError } from "../../shared/errors";
import { checkText } from "../../shared/input-text";
import { updateAtVersionOf } from "../../shared/versioned-update";
import { recordAudit } from "../audit/audit";
import { decodeGlobalIdOf, encodeGlobalId } from "../node/global-id";
import { User } from "../user/user.entity";
import { DeletePayload, Deletion } from "./taxonomy.inputs";
import { TaxonomyFields, TaxonomyKind, TaxonomyRow } from "./taxonomy-kind";
import { uniqueSlugIn } from "./taxonomy-slugs";

/** Names and slugs fit their columns (varchar 200); slugs are cut to 80 anyway. */
const NAME_MAX = 200;

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
  ) {}

  /** Every write purges cached answers: names and slugs show on every article, and lists of them are pages too. */
  create(user: User, input: TaxonomyFields & { name: string }): Promise<T> {
    return this.inSlugTransaction(async (manager) => {
      const name = checkText("input.name", input.name, { max: NAME_MAX });
      const slug = await uniqueSlugIn(manager, this.kind.entity, input.slug != null ? checkText("input.slug", input.slug, { max: NAME_MAX }) : name);
      const row = { ...this.kind.columns(input), ...this.kind.defaults(), name, slug, version: 1 };
      const { identifiers } = await manager.insert(this.kind.entity, row as unknown as QueryDeepPartialEntity<T>);
      const id = identifiers[0].id as number;
      await recordAudit(manager, user.id, `create${this.kind.type}`, this.kind.type, id);
      return this.reload(manager, id);
    });
  }

  update(user: User, input: TaxonomyFields & { id: string; version: number }): Promise<T> {
    const id = decodeGlobalIdOf(this.kind.type, input.id, "input.id");
    return this.inSlugTransaction(async (manager) => {
      const changes = this.kind.columns(input);
      if (input.name != null) changes.name = checkText("input.name", input.name, { max: NAME_MAX });
      if (input.slug != null) changes.slug = await uniqueSlugIn(manager, this.kind.entity, checkText("input.slug", input.slug, { max: NAME_MAX }), id);
      await updateAtVersionOf(manager, this.kind.entity, this.kind.noun, id, input.version, changes as QueryDeepPartialEntity<T>);
      await recordAudit(manager, user.id, `update${this.kind.type}`, this.kind.type, id, Object.keys(changes).join(", ") || null);
      return this.reload(manager, id);
    });
  }

  /** Deletes the row after `release` has moved (or refused to lose) what refers to it. */
  delete(user: User, input: Deletion): Promise<DeletePayload> {
    const { type, noun, entity } = this.kind;
    const id = decodeGlobalIdOf(type, input.id, "input.id");
    const targetId = input.reassignTo == null ? null : decodeGlobalIdOf(type, input.reassignTo, "input.reassignTo");
    if (targetId === id) throw new BadUserInputError(messages.ontoItself(noun), { field: "input.reassignTo" });
    return purgingAfter(this.contentChanged, () => inTransaction(this.dataSource, async (manager) => {
      if (!(await manager.existsBy(entity, this.where(id)))) throw new NotFoundError(messages.notFound(noun), { field: "input.id" });
      if (targetId !== null && !(await manager.existsBy(entity, this.where(targetId)))) {
        throw new BadUserInputError(messages.noTarget(noun), { field: "input.reassignTo" });
      }
      const articleCount = await this.kind.release(manager, id, targetId);
      await manager.delete(entity, this.where(id));
      const reassignedTo = targetId === null ? null : encodeGlobalId(type, targetId);
      const detail = targetId === null ? `${articleCount} articles untagged` : `${articleCount} articles moved to ${reassignedTo}`;
      await recordAudit(manager, user.id, `delete${type}`, type, id, articleCount > 0 || targetId !== null ? detail : null);
      return { deletedId: encodeGlobalId(type, id), reassignedTo, articleCount };
    }));
  }

  /**
   * A free slug is found by reading which are taken, so on PostgreSQL two
   * editors creating the same name at once can both pick it; the unique
   * index refuses the second, whose transaction then runs again and finds
   * the next free one. (SQLite runs one write transaction at a time.)
   */
  private inSlugTransaction<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    return purgingAfter(this.contentChanged, () => inTransactionRetryingKeyRaces(this.dataSource, work));
  }

  private reload(manager: EntityManager, id: number): Promise<T> {
    return manager.getRepository(this.kind.entity).findOneByOrFail(this.where(id));
  }

  /** `{ id }` as a condition on T, which TypeScript cannot see every taxonomy row has. */
  private where(id: number): FindOptionsWhere<T> {
    return { id } as FindOptionsWhere<T>;
  }
}
