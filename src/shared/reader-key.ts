import { createHash } from "node:crypto";
import { BadUserInputError } from "./errors";

export const MIN_READER_KEY_LENGTH = 16;
export const MAX_READER_KEY_LENGTH = 128;

const READER_KEY = new RegExp(`^[A-Za-z0-9_-]{${MIN_READER_KEY_LENGTH},${MAX_READER_KEY_LENGTH}}$`);

/**
 * A reader who is not signed in, as the client names them: an opaque key it
 * made once and keeps (a UUID, a random base64url token), 16 to 128
 * letters, digits, `-` or `_`. The lower bound keeps two readers' keys from
 * colliding by chance; anything else is BAD_USER_INPUT naming `field`.
 */
export function checkReaderKey(field: string, key: string): string {
  if (!READER_KEY.test(key)) {
    throw new BadUserInputError(
      `${field} must be ${MIN_READER_KEY_LENGTH} to ${MAX_READER_KEY_LENGTH} letters, digits, '-' or '_' (a UUID or a random token the client keeps).`,
      { field, minimum: MIN_READER_KEY_LENGTH, maximum: MAX_READER_KEY_LENGTH },
    );
  }
  return key;
}

/**
 * Whom a reader's action counts for: the signed-in user (`user:42`), the
 * same on every device, else the reader key the client sent, kept only as
 * its SHA-256 (`key:…`: a key is what lets a client act as that reader, so
 * a copy of the database must not hand it out); null when the request
 * names neither. A key that is sent is checked even when a user is signed
 * in. At most 50 characters.
 */
export function readerOf(viewer: { id: number } | null, readerKey: string | null | undefined, field: string): string | null {
  const key = readerKey == null ? null : checkReaderKey(field, readerKey);
  if (viewer) return `user:${viewer.id}`;
  return key === null ? null : `key:${createHash("sha256").update(key).digest("base64url")}`;
}
