import { BadUserInputError } from "../../../shared/errors";
import { checkText } from "../../../shared/input-text";
import { deriveContent } from "../content/derive-content";
import { placeKeepReadingAfter, placeKeepReadingByDefault } from "../content/keep-reading-placement";
import { StoredBlock } from "../content/stored-block";

const FIELD = "input.keepReadingAfterBlockId";

/** As long as the column that keeps it. */
const MAX_BLOCK_ID_LENGTH = 100;

const messages = {
  unknownBlock: `${FIELD} names no block of the article's content (a heading, paragraph, quote, list, figure or embed).`,
};

/**
 * The content columns of a save: the blocks of `html` with Keep Reading
 * placed. `given` is the input's `keepReadingAfterBlockId`: a block id,
 * which must name a top-level block of the new content (else
 * BAD_USER_INPUT); null for the default place; undefined to keep the
 * article's `kept` choice, which falls back to the default when the block
 * is no longer in the body.
 */
export function blockColumns(
  html: string,
  given: string | null | undefined,
  kept: string | null,
): { content: StoredBlock[]; keepReadingAfterBlockId: string | null } {
  const blocks = deriveContent(html);
  if (given != null) {
    const id = checkText(FIELD, given, { max: MAX_BLOCK_ID_LENGTH });
    const content = placeKeepReadingAfter(blocks, id);
    if (content === null) throw new BadUserInputError(messages.unknownBlock, { field: FIELD });
    return { content, keepReadingAfterBlockId: id };
  }
  const choice = given === undefined ? kept : null;
  const content = choice === null ? null : placeKeepReadingAfter(blocks, choice);
  return content ? { content, keepReadingAfterBlockId: choice } : { content: placeKeepReadingByDefault(blocks), keepReadingAfterBlockId: null };
}
