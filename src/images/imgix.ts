import { createHash } from "node:crypto";
import { ImageFormat, ImageSource, ImageUrlBuilder, Rendition, fraction } from "./image-service";

const FORMATS: Record<Exclude<ImageFormat, "original">, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * imgix's `s` parameter: the hex MD5 of the secure URL token, the path (with
 * its leading `/`, percent-encoding kept) and the query with its `?` when
 * there is one (imgix-blueprint, "Securing URLs").
 */
export function imgixSignature(token: string, path: string, query: string): string {
  return createHash("md5")
    .update(token + path + (query ? `?${query}` : ""))
    .digest("hex");
}

/**
 * A Web Proxy source: `<base>/<URI-encoded source>?w=&h=&fit=&crop=focalpoint&fp-x=&fp-y=&fm=&s=`.
 * `cover` is `fit=crop` around the focal point, `contain` is `fit=max` (no
 * enlarging). Signed (`s` last) when a token is configured; imgix refuses
 * unsigned Web Proxy URLs, so production sets one.
 */
export class ImgixUrls implements ImageUrlBuilder {
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    baseUrl: string,
    private readonly token: string | null,
  ) {
    const base = new URL(baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, "");
  }

  url(source: ImageSource, rendition: Rendition): string {
    const params = new URLSearchParams();
    if (rendition.width !== null) params.set("w", String(rendition.width));
    if (rendition.height !== null) params.set("h", String(rendition.height));
    if (rendition.width !== null || rendition.height !== null) {
      params.set("fit", rendition.fit === "cover" ? "crop" : "max");
      if (rendition.fit === "cover" && source.focalPoint) {
        params.set("crop", "focalpoint");
        params.set("fp-x", fraction(source.focalPoint.x));
        params.set("fp-y", fraction(source.focalPoint.y));
      }
    }
    if (rendition.format !== "original") params.set("fm", FORMATS[rendition.format]);
    const path = `${this.basePath}/${encodeURIComponent(source.url)}`;
    if (this.token !== null) params.set("s", imgixSignature(this.token, path, params.toString()));
    const query = params.toString();
    return `${this.origin}${path}${query ? `?${query}` : ""}`;
  }
}
