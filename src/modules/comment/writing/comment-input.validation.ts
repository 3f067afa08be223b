import { BadUserInputError } from "../../../shared/errors";
import { checkIdempotencyKey } from "../../../shared/idempotency/idempotency-keys";
import { checkEmail, checkText } from "../../../shared/input-text";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { NotifyMode } from "../notification/notify-mode";
import { AddCommentInput } from "./add-comment.input";
import { prepareCommentBody, visibleText } from "./comment-body";

export const MAX_NAME_LENGTH = 80;
export const MAX_BODY_LENGTH = 10_000;
export const MAX_QUOTE_LENGTH = 500;
const MAX_BLOCK_ID_LENGTH = 200;

/** addComment's input, checked and normalized: ids decoded, email lower-cased, body sanitized. */
export interface NewComment {
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  /** As sent, trimmed: what spam signals read. */
  rawBody: string;
  body: string;
  anchor: { blockId: string; quote: string } | null;
  notify: NotifyMode | null;
  idempotencyKey: string | null;
}

/** Every check that needs no database; each refusal is a BAD_USER_INPUT naming its field (`input.body`). */
export function validateNewComment(input: AddCommentInput): NewComment {
  const rawBody = checkBody("input.body", input.body);
  if (input.idempotencyKey != null) checkIdempotencyKey(input.idempotencyKey, "input.idempotencyKey");
  return {
    articleId: decodeGlobalIdOf("Article", input.articleId, "input.articleId"),
    parentId: input.parentId == null ? null : decodeGlobalIdOf("Comment", input.parentId, "input.parentId"),
    authorName: checkText("input.authorName", input.authorName, { max: MAX_NAME_LENGTH }),
    authorEmail: checkEmail("input.authorEmail", input.authorEmail),
    rawBody,
    body: sanitizedBody("input.body", rawBody),
    anchor: input.anchor
      ? {
          blockId: checkText("input.anchor.blockId", input.anchor.blockId, { max: MAX_BLOCK_ID_LENGTH }),
          // Stored as given (bar the checks): it is the reader's selection, shown back as text, never as HTML.
          quote: checkText("input.anchor.quote", input.anchor.quote, { max: MAX_QUOTE_LENGTH }),
        }
      : null,
    notify: input.notify ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
  };
}

export function checkBody(field: string, body: string): string {
  return checkText(field, body, { max: MAX_BODY_LENGTH });
}

/** The stored form of a checked body; a body that sanitizes to nothing visible is refused. */
export function sanitizedBody(field: string, rawBody: string): string {
  const body = prepareCommentBody(rawBody);
  if (visibleText(body) === "") throw new BadUserInputError(`${field} has no text once unsafe markup is removed.`, { field });
  return body;
}
