import { setFlagsFromString } from "node:v8";

/**
 * How far past what the last full garbage collection kept V8 lets the heap
 * grow before it collects again, in percent. Left to itself on a machine
 * with a few gigabytes, V8 lets it grow to four times the live heap: a
 * server keeps a few tens of MB live and allocates most of the rest for
 * requests that end within milliseconds, so its resident memory would sit
 * near four times what it uses. Two and a half times bounds the peak for
 * about twice as many full collections (each a few milliseconds, most of
 * the marking done concurrently); the young generation, where most of the
 * collecting happens, is left as it is.
 */
export const HEAP_GROWING_PERCENT = 150;

/**
 * Sets V8's heap growing factor for the serving process (a flag V8 reads at
 * every full collection, so it applies from the next one on), unless Node's
 * command line sets `--heap-growing-percent` itself.
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
