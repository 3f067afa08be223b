import { createHash } from "node:crypto";
import { ImageFormat, ImageSource, ImageUrlBuilder, Rendition, focalPixels, withoutTrailingSlash } from "./image-service";

const FORMATS: Record<Exclude<ImageFormat, "original">, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * Cloudinary's delivery-URL signature component: `s--` and the first 8
 * characters of the URL-safe Base64 SHA-1 of the transformation, a `/`, the
 * source as given (unescaped) and the API secret, then `--` (Cloudinary's
 * "Generating delivery URL signatures"; the SDKs' `sign_url`).
 */
export function cloudinarySignature(toSign: string, apiSecret: string): string {
  const digest = createHash("sha1")
    .update(toSign + apiSecret)
    .digest("base64url");
  return `s--${digest.slice(0, 8)}--`;
}

/** The SDKs' `smart_escape` of a fetched URL: what is not a letter, digit or `_.-/:` is percent-encoded (so `?` and `=` are). */
function smartEscape(url: string): string {
  return url.replace(/[^a-zA-Z0-9_.\-/:]+/g, (run) =>
    Array.from(Buffer.from(run))
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)
      .join(""),
  );
}

/**
 * A fetch URL: `<base>/image/fetch/[s--sig--/]c_fill,f_webp,g_xy_center,h_,w_,x_,y_/<source>`.
 * `cover` is `c_fill` centred on the focal point (`g_xy_center` takes pixels
 * of the original, so only when its size is known), `contain` is `c_limit`
 * (no enlarging). Signed when an API secret is configured (accounts with
 * strict transformations need it).
 */
export class CloudinaryUrls implements ImageUrlBuilder {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly apiSecret: string | null,
  ) {
    this.base = withoutTrailingSlash(baseUrl);
  }

  url(source: ImageSource, rendition: Rendition): string {
    const parameters: string[] = [];
    if (rendition.width !== null || rendition.height !== null) {
      parameters.push(rendition.fit === "cover" ? "c_fill" : "c_limit");
      const focus = rendition.fit === "cover" ? focalPixels(source) : null;
      if (focus) parameters.push("g_xy_center", `x_${focus.x}`, `y_${focus.y}`);
      if (rendition.height !== null) parameters.push(`h_${rendition.height}`);
      if (rendition.width !== null) parameters.push(`w_${rendition.width}`);
    }
    if (rendition.format !== "original") parameters.push(`f_${FORMATS[rendition.format]}`);
    const transformation = parameters.sort().join(",");
    const signature = this.apiSecret === null ? null : cloudinarySignature([transformation, source.url].filter(Boolean).join("/"), this.apiSecret);
    return [`${this.base}/image/fetch`, signature, transformation, smartEscape(source.url)].filter(Boolean).join("/");
  }
}
