/** What could end a `<script>` element or open a comment or CDATA section in it, and the separators older JavaScript parsers end lines at. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * `value` as JSON that can be put as it is between `<script
 * type="application/ld+json">` and `</script>`: `<`, `>`, `&`, U+2028
 * and U+2029 are written as `\uXXXX` escapes. They can occur only inside
 * JSON strings, where the escape parses back to the same character, so
 * `JSON.parse` of the answer gives `value` back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
