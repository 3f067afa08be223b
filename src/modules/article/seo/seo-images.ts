import { Image, ImageFit, ImageFormat } from "../images/image.types";
import { RENDITION_SIDE, ResponsiveImages } from "../images/responsive-images";

/** A picture at a known size, when it is known. */
export interface SizedImage {
  url: string;
  width: number | null;
  height: number | null;
}

/** The width social networks and Google recommend for shares and rich results. */
const WIDE = 1200;

/** Facebook's share ratio (1200×630), which X's large summary card shows too. */
const SHARE_RATIO = 1200 / 630;

/** The aspect ratios Google's article structured data asks for, at high resolution: 16x9, 4x3 and 1x1. */
const STRUCTURED_DATA_RATIOS = [16 / 9, 4 / 3, 1];

/**
 * The lead image in the sizes search engines and social networks want,
 * cropped around its focal point by the configured image service (no SQL).
 * Without a service, or for an original too small to crop, the original.
 */
export class SeoImages {
  constructor(private readonly images: ResponsiveImages) {}

  /** og:image and twitter:image. */
  share(image: Image): SizedImage {
    const box = this.images.rendersSizes ? boxOf(SHARE_RATIO, image) : null;
    return box ? { url: this.rendition(image, box), ...box } : { url: image.url, width: image.width, height: image.height };
  }

  /** JSON-LD `image`: one URL per ratio Google asks for, else the original. */
  structuredData(image: Image): string[] {
    if (!this.images.rendersSizes) return [image.url];
    const urls = STRUCTURED_DATA_RATIOS.map((ratio) => boxOf(ratio, image)).flatMap((box) => (box ? [this.rendition(image, box)] : []));
    return urls.length > 0 ? [...new Set(urls)] : [image.url];
  }

  private rendition(image: Image, box: { width: number; height: number }): string {
    return this.images.url(image, { ...box, format: ImageFormat.ORIGINAL, fit: ImageFit.COVER });
  }
}

/**
 * The largest box of `ratio` (width / height) at most WIDE pixels wide that
 * the original fills when its size is known (image services do not
 * enlarge); null when that is smaller than a rendition may be.
 */
function boxOf(ratio: number, image: Image): { width: number; height: number } | null {
  let width = Math.min(WIDE, image.width ?? WIDE);
  let height = Math.round(width / ratio);
  if (image.height && height > image.height) {
    height = image.height;
    width = Math.round(height * ratio);
  }
  return width >= RENDITION_SIDE.min && height >= RENDITION_SIDE.min ? { width, height } : null;
}
