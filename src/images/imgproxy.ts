import { createHmac } from "node:crypto";
import { ImageFormat, ImageSource, ImageUrlBuilder, Rendition, fraction, withoutTrailingSlash } from "./image-service";

/** imgproxy's key and salt, hex-encoded as imgproxy's IMGPROXY_KEY and IMGPROXY_SALT are. */
export interface ImgproxySigning {
  key: string;
  salt: string;
}

const EXTENSIONS: Record<Exclude<ImageFormat, "original">, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/**
 * imgproxy's signature of `path` (everything after the signature, from its
 * leading `/`): HMAC-SHA256 keyed with the hex-decoded key over the
 * hex-decoded salt followed by the path, URL-safe Base64 without padding
 * (docs.imgproxy.net, "Signing a URL").
 */
export function imgproxySignature(path: string, { key, salt }: ImgproxySigning): string {
  return createHmac("sha256", Buffer.from(key, "hex"))
    .update(Buffer.concat([Buffer.from(salt, "hex"), Buffer.from(path)]))
    .digest("base64url");
}

/**
 * `<base>/<signature>/rs:<fill|fit>:<w>:<h>/g:fp:<x>:<y>/<base64url source>.<ext>`:
 * the source URL Base64-encoded (so its own query survives), the format as
 * the extension, the focal point as `fp` gravity when the picture is cropped.
 * A side of 0 follows from the other and the original's aspect ratio.
 */
export class ImgproxyUrls implements ImageUrlBuilder {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly signing: ImgproxySigning,
  ) {
    this.base = withoutTrailingSlash(baseUrl);
  }

  url(source: ImageSource, rendition: Rendition): string {
    const options: string[] = [];
    if (rendition.width !== null || rendition.height !== null) {
      options.push(`rs:${rendition.fit === "cover" ? "fill" : "fit"}:${rendition.width ?? 0}:${rendition.height ?? 0}`);
      if (rendition.fit === "cover" && source.focalPoint) options.push(`g:fp:${fraction(source.focalPoint.x)}:${fraction(source.focalPoint.y)}`);
    }
    const extension = rendition.format === "original" ? "" : `.${EXTENSIONS[rendition.format]}`;
    const path = `/${[...options, Buffer.from(source.url).toString("base64url")].join("/")}${extension}`;
    return `${this.base}/${imgproxySignature(path, this.signing)}${path}`;
  }
}
