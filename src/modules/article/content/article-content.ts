import { deriveContent } from "./derive-content";
import { placeKeepReadingAfter, placeKeepReadingByDefault } from "./keep-reading-placement";
import { StoredBlock } from "./stored-block";

/**
 * The stored content of a body: its blocks with Keep Reading where the
 * editor placed it, or by default when that block is gone from the body
 * (a later edit removed it) or was never chosen. Used where no editor is
 * there to be told: the backfill, and reads of rows not yet backfilled.
 */
export function contentOf(html: string, keepReadingAfterBlockId: string | null): StoredBlock[] {
  const blocks = deriveContent(html);
  const placed = keepReadingAfterBlockId === null ? null : placeKeepReadingAfter(blocks, keepReadingAfterBlockId);
  return placed ?? placeKeepReadingByDefault(blocks);
}
