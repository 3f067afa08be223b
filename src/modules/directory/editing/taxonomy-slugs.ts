import { EntityManager } from "typeorm";
import { ClassType } from "type-graphql";
import { firstFreeSlug, slugify } from "../../../shared/slug";
import { TaxonomyRow } from "./taxonomy-kind";

/**
 * The slug for `text` among the rows of `entity`: `slugify(text)`, with
 * "-2", "-3"… appended when another row holds it. `ownId`'s slug does not count.
 */
export async function uniqueSlugIn<T extends TaxonomyRow>(manager: EntityManager, entity: ClassType<T>, text: string, ownId = 0): Promise<string> {
  const base = slugify(text);
  const rows = await manager
    .getRepository(entity)
    .createQueryBuilder("row")
    .select("row.slug", "slug")
    .where("row.slug LIKE :pattern AND row.id <> :ownId", { pattern: `${base}%`, ownId })
    .getRawMany<{ slug: string }>();
  return firstFreeSlug(base, new Set(rows.map((row) => row.slug)));
}
