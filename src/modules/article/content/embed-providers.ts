/**
 * Hosts whose links on a line of their own are embeds (the convention of
 * WordPress and Ghost: paste a video's URL alone in a paragraph). Any other
 * link alone in a paragraph stays a paragraph.
 */
const PROVIDERS: Record<string, string> = {
  "youtube.com": "YouTube",
  "youtu.be": "YouTube",
  "vimeo.com": "Vimeo",
  "twitter.com": "X",
  "x.com": "X",
  "instagram.com": "Instagram",
  "tiktok.com": "TikTok",
  "open.spotify.com": "Spotify",
  "soundcloud.com": "SoundCloud",
  "bsky.app": "Bluesky",
  "facebook.com": "Facebook",
  "threads.net": "Threads",
};

/** The known provider of `url` ("YouTube"), or null. */
export function knownProvider(url: string): string | null {
  const host = hostOf(url);
  return host === null ? null : (PROVIDERS[host] ?? null);
}

/** The known provider of `url`, else its host without "www.": what an embed that an editor placed in a `<figure>` is from. */
export function providerOf(url: string): string {
  return knownProvider(url) ?? hostOf(url) ?? url;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(www|m)\./, "");
  } catch {
    return null;
  }
}
