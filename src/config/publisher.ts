import { parseHttpUrl } from "./parse";

/** Who publishes: named in structured data (JSON-LD `publisher`), news sitemaps and feeds. */
export interface PublisherOptions {
  /** PUBLISHER_NAME. */
  name: string;
  /** PUBLISHER_LOGO_URL: an absolute http(s) URL of the publisher's logo; unset, JSON-LD names no logo. */
  logoUrl?: string;
  /** PUBLICATION_LANGUAGE: the publication's language as a BCP 47 tag (`en`, `pt-BR`), as Google News sitemaps and feeds want it. */
  language: string;
}

export const DEFAULT_PUBLISHER: PublisherOptions = { name: "Broadsheet", language: "en" };

export function loadPublisher(env: NodeJS.ProcessEnv): PublisherOptions {
  return {
    name: parseName(env.PUBLISHER_NAME),
    logoUrl: parseHttpUrl("PUBLISHER_LOGO_URL", env.PUBLISHER_LOGO_URL),
    language: parseLanguage(env.PUBLICATION_LANGUAGE),
  };
}

function parseName(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_PUBLISHER.name;
  const name = raw.trim();
  if (name === "" || name.length > 200 || [...name].some((char) => char < " ")) {
    throw new Error(`PUBLISHER_NAME must be 1 to 200 printable characters, got "${raw}"`);
  }
  return name;
}

/** A language subtag and optional region or script subtags: what Google News accepts (`en`, `zh-cn`, `pt-BR`). */
function parseLanguage(raw: string | undefined): string {
  if (raw === undefined || raw === "") return DEFAULT_PUBLISHER.language;
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(raw)) {
    throw new Error(`PUBLICATION_LANGUAGE must be a language tag such as en or pt-BR, got "${raw}"`);
  }
  return raw;
}
