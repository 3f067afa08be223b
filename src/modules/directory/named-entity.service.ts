import { DataSource, EntityTarget, SelectQueryBuilder } from "typeorm";
import { readEntities, readEntity } from "../../database/entity-reads";
import { inKeyOrder } from "../../shared/batch";
import { isStorableText } from "../../shared/input-text";
import { Connection, connectionFrom } from "../../shared/pagination/connection.types";
import { ComputedColumns, fetchPage } from "../../shared/pagination/fetch";
import { NestedPages } from "../../shared/pagination/nested-pages";
import { PageRequest } from "../../shared/pagination/page-request";
import { SortOrder, byId } from "../../shared/pagination/sort-order";
import { NamedEntityType, namedEntityShape } from "./named-entity-columns";

export interface NamedEntity {
  id: number;
  slug: string;
  name: string;
}

/**
 * Alphabetical, the order of the author, category and tag directories. Each
 * directory names its own order, so that its cursors fit no other list.
 */
function byName<T extends NamedEntity>(list: string): SortOrder<T> {
  return {
    name: `${list}-by-name`,
    direction: "ASC",
    keys: [{ column: "name", kind: "string", read: (row) => row.name }, byId],
  };
}

/** Reads of authors, categories and tags: all public, found by slug or id, listed by name. */
export class NamedEntityService<T extends NamedEntity> {
  readonly order: SortOrder<T>;

  constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
    list: string,
    /** The connection fields of later modules on this type whose pages `list` can read with its rows. */
    readonly nestedPages: readonly NestedPages[] = [],
  ) {
    this.order = byName(list);
  }

  async bySlug(slug: string): Promise<T | null> {
    if (!isStorableText(slug)) return null;
    return readEntity(this.all().where("item.slug = :slug", { slug }));
  }

  async byIds(ids: readonly number[]): Promise<(T | null)[]> {
    const rows = await readEntities(this.all().where("item.id IN (:...ids)", { ids }));
    return inKeyOrder(ids, rows, (row) => row.id);
  }

  /**
   * The rows of `request`, with only the columns its fields need (see
   * `namedEntityColumns`); `beside`, given the rows' alias, names what each
   * row reads besides its columns (its items' pages, see `nestedPageColumns`).
   */
  async list(request: PageRequest<T>, beside?: (alias: string) => ComputedColumns<T, T> | undefined): Promise<Connection<T>> {
    const qb = this.all();
    const type = this.dataSource.getMetadata(this.target).targetName as NamedEntityType;
    return connectionFrom(await fetchPage(qb, "item", request, beside?.("item"), namedEntityShape<T>(type, request.fields)), () => qb.getCount());
  }

  private all(): SelectQueryBuilder<T> {
    return this.dataSource.getRepository(this.target).createQueryBuilder("item");
  }
}
