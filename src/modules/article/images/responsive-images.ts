import { ImageSource, ImageUrlBuilder, Rendition } from "../../../images/image-service";
import { BadUserInputError } from "../../../shared/errors";
import { ImageFit, ImageFormat, Image } from "./image.types";

/** The sides a rendition may ask for, in pixels: smaller is no use on any screen, larger is an image service's denial of service. */
export const RENDITION_SIDE = { min: 16, max: 4096 };

/** The widths of `srcSet` when a client names none: phones to large desktop screens, at 1x and 2x. */
export const DEFAULT_SRCSET_WIDTHS = [320, 640, 960, 1280, 1920];

/** More candidates than this is no use to a browser and a cost to the page. */
export const MAX_SRCSET_WIDTHS = 10;

const messages = {
  side: (field: string) => `${field} must be between ${RENDITION_SIDE.min} and ${RENDITION_SIDE.max} pixels.`,
  noWidths: "widths needs at least one width.",
  tooManyWidths: `widths takes at most ${MAX_SRCSET_WIDTHS} widths.`,
};

export interface RenditionRequest {
  width: number | null;
  height: number | null;
  format: ImageFormat;
  fit: ImageFit;
}

/**
 * The URLs of an image's renditions, from the configured image service
 * (`IMAGE_SERVICE`). Without one, every rendition is the original, and a
 * srcset lists only the original at its own width. Arguments are checked
 * either way, so a client learns its mistake before an image service is
 * configured. Computed from the row alone: no SQL.
 */
export class ResponsiveImages {
  constructor(private readonly service: ImageUrlBuilder | null) {}

  /** Whether an image service is configured: without one, every rendition is the original. */
  get rendersSizes(): boolean {
    return this.service !== null;
  }

  /** The rendition's URL; the original's when no service is configured or nothing is asked of it. */
  url(image: Image, request: RenditionRequest): string {
    checkSide("width", request.width);
    checkSide("height", request.height);
    const nothingAsked = request.width === null && request.height === null && request.format === ImageFormat.ORIGINAL;
    if (!this.service || nothingAsked) return image.url;
    return this.service.url(sourceOf(image), request);
  }

  /**
   * A `srcset` value: a candidate (`<url> <width>w`) per width, narrowest
   * first, each the whole picture scaled to that width. Widths wider than
   * the original (when its width is known) are left out, since services do
   * not enlarge and the descriptor would lie; when that leaves none, the
   * original's own width is the one candidate.
   */
  srcSet(image: Image, widths: number[], format: ImageFormat): string {
    if (widths.length === 0) throw new BadUserInputError(messages.noWidths, { field: "widths" });
    if (widths.length > MAX_SRCSET_WIDTHS) throw new BadUserInputError(messages.tooManyWidths, { field: "widths", maximum: MAX_SRCSET_WIDTHS });
    for (const width of widths) checkSide("widths", width);
    if (!this.service) return image.width ? `${image.url} ${image.width}w` : image.url;
    const wanted = [...new Set(widths)].sort((a, b) => a - b);
    const fitting = image.width ? wanted.filter((width) => width <= image.width!) : wanted;
    const candidates = fitting.length > 0 ? fitting : [image.width!];
    const source = sourceOf(image);
    return candidates
      .map((width) => {
        const rendition: Rendition = { width, height: null, format, fit: ImageFit.CONTAIN };
        return `${this.service!.url(source, rendition)} ${width}w`;
      })
      .join(", ");
  }
}

function checkSide(field: string, value: number | null): void {
  if (value !== null && (value < RENDITION_SIDE.min || value > RENDITION_SIDE.max)) {
    throw new BadUserInputError(messages.side(field), { field, minimum: RENDITION_SIDE.min, maximum: RENDITION_SIDE.max });
  }
}

function sourceOf(image: Image): ImageSource {
  return { url: image.url, width: image.width, height: image.height, focalPoint: image.focalPoint ?? null };
}
