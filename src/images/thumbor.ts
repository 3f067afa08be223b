import { createHmac } from "node:crypto";
import { ImageFormat, ImageSource, ImageUrlBuilder, Rendition, focalPixels, withoutTrailingSlash } from "./image-service";

const FORMATS: Record<Exclude<ImageFormat, "original">, string> = { avif: "avif", webp: "webp", jpeg: "jpeg" };

/**
 * thumbor's signature of `path` (the URL after the signature, without its
 * leading `/`): HMAC-SHA1 keyed with the security key, URL-safe Base64 with
 * its padding (thumbor's docs, "Security"; libthumbor's `UrlSigner`).
 */
export function thumborSignature(path: string, key: string): string {
  return createHmac("sha1", key).update(path).digest("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

/**
 * `<base>/<signature>/[fit-in/]<w>x<h>/filters:format(<f>):focal(<box>)/<source>`:
 * `fit-in` for `contain`; the focal point as a one-pixel `focal` box, which
 * thumbor takes in pixels of the original (so only when its size is known);
 * the source URL-encoded, so its own query stays part of the path.
 */
export class ThumborUrls implements ImageUrlBuilder {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly key: string,
  ) {
    this.base = withoutTrailingSlash(baseUrl);
  }

  url(source: ImageSource, rendition: Rendition): string {
    const parts: string[] = [];
    const filters: string[] = [];
    if (rendition.width !== null || rendition.height !== null) {
      if (rendition.fit === "contain") parts.push("fit-in");
      parts.push(`${rendition.width ?? 0}x${rendition.height ?? 0}`);
      const focus = rendition.fit === "cover" ? focalPixels(source) : null;
      if (focus) filters.push(`focal(${focus.x}x${focus.y}:${focus.x + 1}x${focus.y + 1})`);
    }
    if (rendition.format !== "original") filters.unshift(`format(${FORMATS[rendition.format]})`);
    if (filters.length > 0) parts.push(`filters:${filters.join(":")}`);
    const path = [...parts, encodeURIComponent(source.url)].join("/");
    return `${this.base}/${thumborSignature(path, this.key)}/${path}`;
  }
}
