import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Image, ImageFit, ImageFormat } from "./image.types";
import { DEFAULT_SRCSET_WIDTHS, MAX_SRCSET_WIDTHS, RENDITION_SIDE } from "./responsive-images";

const SIDE = `${RENDITION_SIDE.min} to ${RENDITION_SIDE.max}`;

/** An image's renditions, from the configured image service (see `ResponsiveImages`). */
@Resolver(() => Image)
export class ImageResolver {
  @FieldResolver(() => String, {
    description:
      "The image at a size and in a format, from the configured image service (signed when it signs); " +
      "the original when no service is configured or nothing is asked. With only one side, the other follows the aspect ratio.",
  })
  url(
    @Root() image: Image,
    @Arg("width", () => Int, { nullable: true, description: `Pixels, ${SIDE}.` }) width: number | null | undefined,
    @Arg("height", () => Int, { nullable: true, description: `Pixels, ${SIDE}.` }) height: number | null | undefined,
    @Arg("format", () => ImageFormat, { nullable: true, description: "ORIGINAL when absent." }) format: ImageFormat | null | undefined,
    @Arg("fit", () => ImageFit, { nullable: true, description: "COVER when absent; matters when both sides are given." }) fit: ImageFit | null | undefined,
    @Ctx() ctx: ArticleContext,
  ): string {
    return ctx.services.images.url(image, {
      width: width ?? null,
      height: height ?? null,
      format: format ?? ImageFormat.ORIGINAL,
      fit: fit ?? ImageFit.COVER,
    });
  }

  @FieldResolver(() => String, {
    description:
      "A srcset attribute value: the whole image at each width (`<url> <width>w`, narrowest first), none wider than the original. " +
      "Without an image service, the original at its own width.",
  })
  srcSet(
    @Root() image: Image,
    @Arg("widths", () => [Int], { defaultValue: DEFAULT_SRCSET_WIDTHS, description: `1 to ${MAX_SRCSET_WIDTHS} widths in pixels, each ${SIDE}.` })
    widths: number[],
    @Arg("format", () => ImageFormat, { nullable: true, description: "ORIGINAL when absent." }) format: ImageFormat | null | undefined,
    @Ctx() ctx: ArticleContext,
  ): string {
    return ctx.services.images.srcSet(image, widths, format ?? ImageFormat.ORIGINAL);
  }
}
