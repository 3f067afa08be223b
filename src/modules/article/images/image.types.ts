import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { ImageFit as ServiceFit, ImageFormat as ServiceFormat } from "../../../images/image-service";

/** The GraphQL names of the formats; the values are what the image services take (`src/images/`). */
export const ImageFormat = { ORIGINAL: "original", AVIF: "avif", WEBP: "webp", JPEG: "jpeg" } as const satisfies Record<string, ServiceFormat>;
export type ImageFormat = (typeof ImageFormat)[keyof typeof ImageFormat];

export const ImageFit = { COVER: "cover", CONTAIN: "contain" } as const satisfies Record<string, ServiceFit>;
export type ImageFit = (typeof ImageFit)[keyof typeof ImageFit];

registerEnumType(ImageFormat, {
  name: "ImageFormat",
  description: "The file format of a rendition of an image.",
  valuesConfig: {
    ORIGINAL: { description: "The original's own format." },
    AVIF: { description: "AVIF: the smallest, for browsers that accept image/avif." },
    WEBP: { description: "WebP, for browsers that accept image/webp." },
    JPEG: { description: "JPEG, which every client shows." },
  },
});

registerEnumType(ImageFit, {
  name: "ImageFit",
  description: "How a rendition given both a width and a height fits that box.",
  valuesConfig: {
    COVER: { description: "Fills the box, cropping what overflows, around the focal point when there is one." },
    CONTAIN: { description: "Fits inside the box, keeping the aspect ratio; never enlarged." },
  },
});

@ObjectType({ description: "The point of an image that crops keep in view, as fractions of its width and height from the top left corner." })
export class FocalPoint {
  @Field(() => Float, { description: "0 (left edge) to 1 (right edge)." })
  x: number;

  @Field(() => Float, { description: "0 (top edge) to 1 (bottom edge)." })
  y: number;
}

/**
 * A picture as stored with an article (and in its revisions): `url` is the
 * original's; the `url` and `srcSet` fields (`image.resolver.ts`) render it
 * through the configured image service.
 */
@ObjectType({ description: "A picture with the text a screen reader and a caption need, in the sizes and formats a page asks for." })
export class Image {
  /** The original's URL as the editor gave it. */
  url: string;

  @Field({ description: "Text alternative for readers who cannot see the image." })
  alt: string;

  @Field(() => String, { nullable: true, description: "The caption shown under the image." })
  caption: string | null;

  @Field(() => Int, { nullable: true, description: "Intrinsic width in pixels." })
  width: number | null;

  @Field(() => Int, { nullable: true, description: "Intrinsic height in pixels." })
  height: number | null;

  /** Absent from revisions saved before focal points existed. */
  @Field(() => FocalPoint, { nullable: true, description: "What crops keep in view; null: the centre." })
  focalPoint?: FocalPoint | null;
}
