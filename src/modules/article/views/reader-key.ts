import { BadUserInputError } from "../../../shared/errors";

const READER_KEY = /^[A-Za-z0-9_-]{8,128}$/;

const messages = {
  badReaderKey: "input.readerKey must be 8 to 128 letters, digits, '-' or '_' (a random id the client keeps, such as a UUID).",
};

/**
 * Who a view is counted for: the signed-in user whatever the key (one
 * person on two devices is one reader), else the client's opaque
 * `readerKey`, which must look like a random id. Only its hash is kept.
 */
export function readerOf(viewer: { id: number } | null, readerKey: string): string {
  if (!READER_KEY.test(readerKey)) throw new BadUserInputError(messages.badReaderKey, { field: "input.readerKey" });
  return viewer ? `user:${viewer.id}` : `key:${readerKey}`;
}
