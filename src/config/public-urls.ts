/** Where the publication's pages live: the canonical URLs of articles, sections, authors and tags, feeds' links and the links in mail. */
export interface PublicUrlOptions {
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** ARTICLE_URL_TEMPLATE: an article's path under `publicUrl`, with `{section}` and `{slug}` in it. */
  articlePath: string;
}

export const DEFAULT_PUBLIC_URLS: PublicUrlOptions = { publicUrl: "http://localhost:4000", articlePath: "/{section}/{slug}" };

/** What ARTICLE_URL_TEMPLATE may name: the section's slug and the article's. */
export const ARTICLE_PATH_PLACEHOLDERS = ["section", "slug"] as const;

export function loadPublicUrls(env: NodeJS.ProcessEnv): PublicUrlOptions {
  return { publicUrl: parsePublicUrl(env.PUBLIC_URL), articlePath: parseArticlePath(env.ARTICLE_URL_TEMPLATE) };
}

function parsePublicUrl(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_PUBLIC_URLS.publicUrl;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be an http:// or https:// URL without a query or fragment, got "${raw}"`);
  }
  return raw.replace(/\/+$/, "");
}

/** A path from the root, naming the article's slug (which makes it unique), with no placeholder but those listed. */
function parseArticlePath(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_PUBLIC_URLS.articlePath;
  const placeholders = [...raw.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
  const unknown = placeholders.find((name) => !(ARTICLE_PATH_PLACEHOLDERS as readonly string[]).includes(name));
  const expected = `a path starting with / with {slug} in it and no placeholder but ${ARTICLE_PATH_PLACEHOLDERS.map((name) => `{${name}}`).join(", ")}`;
  if (unknown !== undefined) throw new Error(`ARTICLE_URL_TEMPLATE must be ${expected}; {${unknown}} is none of them, got "${raw}"`);
  const stray = /[{}]/.test(raw.replace(/\{[^{}]*\}/g, ""));
  if (!raw.startsWith("/") || !placeholders.includes("slug") || stray || /[\s?#]/.test(raw)) {
    throw new Error(`ARTICLE_URL_TEMPLATE must be ${expected}, got "${raw}"`);
  }
  return raw;
}
