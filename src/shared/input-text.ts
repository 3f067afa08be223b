import { BadUserInputError } from "./errors";

/** A lone surrogate: half of a character, which no encoding can store or send back. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls but tab, newline and carriage return; DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * Text a client sent, checked before it goes anywhere near storage:
 * NUL bytes and other control characters, and lone surrogates, are refused
 * (PostgreSQL cannot store NUL in text, and neither can be shown); then the
 * trimmed length, in characters as JavaScript counts them, must be within
 * bounds. Every refusal is a BAD_USER_INPUT naming `field`.
 */
export function checkText(field: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
  if (CONTROL.test(value)) throw new BadUserInputError(`${field} must not contain control characters or NUL bytes.`, { field });
  if (LONE_SURROGATE.test(value)) throw new BadUserInputError(`${field} is not well-formed Unicode (a lone surrogate).`, { field });
  const trimmed = value.trim();
  if (trimmed.length < min) throw new BadUserInputError(min === 1 ? `${field} is required.` : `${field} must be at least ${min} characters.`, { field });
  if (trimmed.length > max) throw new BadUserInputError(`${field} must be at most ${max} characters.`, { field, maximum: max });
  return trimmed;
}

/**
 * Whether `value` could be stored at all: nothing stored holds a NUL byte
 * (writes refuse it, and PostgreSQL cannot store it in text). A lookup by a
 * key with one finds nothing, and must not ask the database, which would
 * reject the statement with an error instead of matching no row.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\0");
}

/** RFC 5321's limit on an address; every stored email column holds it. */
export const MAX_EMAIL_LENGTH = 254;

/** Deliberately simple: one @, a dot in the domain, no spaces; the confirmation email proves the rest. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** A trimmed, lower-cased email address, or BAD_USER_INPUT naming `field`. */
export function checkEmail(field: string, value: string): string {
  const email = checkText(field, value, { max: MAX_EMAIL_LENGTH }).toLowerCase();
  if (!EMAIL.test(email)) throw new BadUserInputError(`${field} is not a valid email address.`, { field });
  return email;
}

/** An optional text field: null or blank clears it (null); otherwise `checkText`. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  return value == null || value.trim() === "" ? null : checkText(field, value, { max });
}

/** An absolute http(s) URL of at most `max` characters, or BAD_USER_INPUT naming `field`. */
export function checkHttpUrl(field: string, value: string, max: number): string {
  const url = checkText(field, value, { max });
  if (!/^https?:\/\//i.test(url)) throw new BadUserInputError(`${field} must be an http(s) URL.`, { field });
  return url;
}
