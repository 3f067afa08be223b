/**
 * The cookie that keeps a client that just wrote on the primary (and off
 * shared caches): its value is the time, in ms since the epoch, until which
 * its reads must see everything it wrote.
 */
export const RECENT_WRITE_COOKIE = "broadsheet_recent_write";

const VALUE = new RegExp(`(?:^|;\\s*)${RECENT_WRITE_COOKIE}=(\\d+)`);

/** Whether a `Cookie` header carries the recent-write cookie, still in its window. */
export function wroteRecently(cookieHeader: string | undefined, now = Date.now()): boolean {
  const match = VALUE.exec(cookieHeader ?? "");
  return match !== null && Number(match[1]) > now;
}

/** The `Set-Cookie` value that opens a window of `windowMs` from now. */
export function recentWriteCookie(windowMs: number, now = Date.now()): string {
  return `${RECENT_WRITE_COOKIE}=${now + windowMs}; Max-Age=${Math.ceil(windowMs / 1000)}; Path=/; HttpOnly; SameSite=Lax`;
}
