/**
 * How a picture is asked of an image service: the original (by its URL, with
 * what is known of it) and the rendition wanted. Each service has its own
 * URL grammar and signature scheme (one file each); the rest of the server
 * sees only `ImageUrlBuilder`.
 */

/** ORIGINAL keeps the original's format. */
export type ImageFormat = "original" | "avif" | "webp" | "jpeg";

/** `cover` fills the box and crops what overflows (around the focal point); `contain` fits inside it, never enlarged. */
export type ImageFit = "cover" | "contain";

/** A point of the picture as fractions of its width and height, 0..1 from the top left corner. */
export interface FocalPoint {
  x: number;
  y: number;
}

export interface ImageSource {
  /** The original's http(s) URL. */
  url: string;
  /** Intrinsic size in pixels, when the editor gave it. */
  width: number | null;
  height: number | null;
  focalPoint: FocalPoint | null;
}

/** The rendition: at least one of width, height or a format other than `original` (else the original is the answer). */
export interface Rendition {
  width: number | null;
  height: number | null;
  format: ImageFormat;
  fit: ImageFit;
}

export interface ImageUrlBuilder {
  /** The service's (signed, when it has a secret) URL of `rendition` of `source`. */
  url(source: ImageSource, rendition: Rendition): string;
}

/** The base URL without its trailing slashes, so paths can be appended as `${base}/${path}`. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** A fraction as the shortest decimal of at most 4 places: `0.5`, `0.3333`, `1`. */
export function fraction(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/**
 * The focal point in pixels of the original, for services that take pixels
 * (thumbor, Cloudinary); null when there is none or the size is unknown.
 */
export function focalPixels(source: ImageSource): { x: number; y: number } | null {
  if (!source.focalPoint || !source.width || !source.height) return null;
  return { x: Math.round(source.focalPoint.x * source.width), y: Math.round(source.focalPoint.y * source.height) };
}
