import { EntityManager } from "typeorm";
import { ClassType } from "type-graphql";
import { EntryReference } from "../../feature-module";
import { NamedEntity } from "../named-entity.service";

/** An author, category or tag row: named, slugged, versioned. */
export interface TaxonomyRow extends NamedEntity {
  version: number;
}

/** What every create and update input of the taxonomy carries. */
export interface TaxonomyFields {
  name?: string | null;
  /** Made URL-safe and unique; without it a new row's slug comes from its name, and an update keeps the slug. */
  slug?: string | null;
}

/** What the editor needs to know about one kind of taxonomy row beyond its name and slug. */
export interface TaxonomyKind<T extends TaxonomyRow> {
  type: "Author" | "Category" | "Tag";
  entity: ClassType<T>;
  /** How messages name a row: "author", "section", "tag". */
  noun: string;
  /** The kind's own columns from an input: only those present, validated, fields named `input.<name>`. */
  columns(input: TaxonomyFields): Record<string, unknown>;
  /** Columns a new row needs besides those (a creation time). */
  defaults(): Record<string, unknown>;
  /**
   * Run before row `id` is deleted: whatever still refers to it (other
   * modules' `references` to this kind among it) moves to `targetId`; with
   * no target, anything that would be lost is a CONFLICT (`InUseError`)
   * naming how much. Returns the number of articles affected.
   */
  release(manager: EntityManager, id: number, targetId: number | null, references: EntryReference[]): Promise<number>;
}
