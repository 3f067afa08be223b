import { EntityManager, In } from "typeorm";
import { BadUserInputError } from "../../../shared/errors";
import { checkHttpUrl, optionalText } from "../../../shared/input-text";
import { Category, Tag } from "../../directory";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { FocalPointInput, ImageInput } from "./article-editor.inputs";
import { Article } from "../article.entity";

/** In characters. `seoTitle` is the most of a headline Google's article structured data shows; `seoDescription` twice what a results page shows. */
export const LIMITS = {
  title: 300,
  subtitle: 500,
  excerpt: 1000,
  seoTitle: 110,
  seoDescription: 300,
  body: 200_000,
  tags: 20,
  url: 2000,
  alt: 500,
  caption: 1000,
};

export function imageColumns(image: ImageInput | null | undefined, field: string): Partial<Article> {
  if (!image) return { imageUrl: null, imageAlt: null, imageCaption: null, imageWidth: null, imageHeight: null, imageFocalX: null, imageFocalY: null };
  const url = checkHttpUrl(`${field}.url`, image.url, LIMITS.url);
  for (const dimension of ["width", "height"] as const) {
    const value = image[dimension];
    if (value != null && value < 1) throw new BadUserInputError(`${field}.${dimension} must be positive.`, { field: `${field}.${dimension}` });
  }
  return {
    imageUrl: url,
    imageAlt: image.alt.trim().slice(0, LIMITS.alt),
    imageCaption: optionalText(image.caption, `${field}.caption`, LIMITS.caption),
    imageWidth: image.width ?? null,
    imageHeight: image.height ?? null,
    ...focalColumns(image.focalPoint, `${field}.focalPoint`),
  };
}

/** A focal point is two fractions of the image, 0..1; none is the centre. */
function focalColumns(point: FocalPointInput | null | undefined, field: string): Pick<Article, "imageFocalX" | "imageFocalY"> {
  if (!point) return { imageFocalX: null, imageFocalY: null };
  for (const axis of ["x", "y"] as const) {
    if (!(point[axis] >= 0 && point[axis] <= 1)) {
      throw new BadUserInputError(`${field}.${axis} must be between 0 and 1.`, { field: `${field}.${axis}`, minimum: 0, maximum: 1 });
    }
  }
  return { imageFocalX: point.x, imageFocalY: point.y };
}

/** The row id of an existing section named by a global id; BAD_USER_INPUT naming `field` otherwise. */
export async function existingCategoryId(manager: EntityManager, globalId: string, field: string): Promise<number> {
  const id = decodeGlobalIdOf("Category", globalId, field);
  if (!(await manager.existsBy(Category, { id }))) throw new BadUserInputError(`${field} names no category.`, { field });
  return id;
}

export async function existingTagIds(manager: EntityManager, globalIds: string[], field: string): Promise<number[]> {
  if (globalIds.length > LIMITS.tags) throw new BadUserInputError(`${field} takes at most ${LIMITS.tags} tags.`, { field });
  const ids = [...new Set(globalIds.map((id) => decodeGlobalIdOf("Tag", id, field)))];
  if (ids.length > 0 && (await manager.countBy(Tag, { id: In(ids) })) !== ids.length) {
    throw new BadUserInputError(`${field} names a tag that does not exist.`, { field });
  }
  return ids;
}
