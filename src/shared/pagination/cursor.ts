import { BadUserInputError } from "../errors";
import { CursorValue, SortKeyKind, SortOrder } from "./sort-order";

const MAX_CURSOR_LENGTH = 512;

/** Opaque cursor: base64url of JSON `[orderName, ...keyValues]`, dates as ISO text, floats as JSON numbers (exact). */
export function encodeCursor<T>(order: SortOrder<T>, row: T): string {
  const values = order.keys.map((key) => {
    const value = key.read(row);
    return value instanceof Date ? value.toISOString() : value;
  });
  return Buffer.from(JSON.stringify([order.name, ...values]), "utf8").toString("base64url");
}

/**
 * The key values a cursor carries, checked against `order`: the same order
 * name, one value per key, each of its key's kind. Anything else (garbage,
 * a cursor of another list order, a tampered value) is BAD_USER_INPUT.
 */
export function decodeCursor<T>(order: SortOrder<T>, cursor: string, field: string): CursorValue[] {
  const values = parseCursor(cursor);
  if (!values || values[0] !== order.name || values.length !== order.keys.length + 1) {
    throw invalidCursor(field);
  }
  return order.keys.map((key, index) => {
    const value = checkKind(key.kind, values[index + 1]);
    if (value === null) throw invalidCursor(field);
    return value;
  });
}

function parseCursor(cursor: string): unknown[] | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function checkKind(kind: SortKeyKind, value: unknown): CursorValue | null {
  switch (kind) {
    case "integer":
      return Number.isSafeInteger(value) ? (value as number) : null;
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "string":
      return typeof value === "string" ? value : null;
    case "date": {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return null;
      const date = new Date(value);
      return !Number.isNaN(date.getTime()) && date.toISOString() === value ? date : null;
    }
  }
}

function invalidCursor(field: string): BadUserInputError {
  return new BadUserInputError(`${field} is not a valid cursor for this list.`, { field });
}
