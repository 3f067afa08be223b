import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { ServiceDeps } from "../feature-module";
import { UserContext, UserLoaders, UserServices } from "../user";
import { Author } from "./author/author.entity";
import { authorKind } from "./author/author.kind";
import { Category } from "./category/category.entity";
import { categoryKind } from "./category/category.kind";
import { TaxonomyEditor } from "./editing/taxonomy-editor.service";
import { TaxonomyKind, TaxonomyRow } from "./editing/taxonomy-kind";
import { NamedEntityService } from "./named-entity.service";
import { PublicUrls } from "./public-urls";
import { tagKind } from "./tag/tag.kind";
import { TagService } from "./tag/tag.service";

export function directoryServices({ dataSource, urls, contentChanged, events, references, nestedPages }: ServiceDeps) {
  const editorOf = <T extends TaxonomyRow>(kind: TaxonomyKind<T>) =>
    new TaxonomyEditor(
      dataSource,
      kind,
      contentChanged,
      events,
      references.filter((reference) => reference.type === kind.type),
    );
  const nestedOf = (type: string) => nestedPages.filter((nested) => nested.type === type);
  return {
    authors: new NamedEntityService(dataSource, Author, "authors", nestedOf("Author")),
    categories: new NamedEntityService(dataSource, Category, "categories", nestedOf("Category")),
    tags: new TagService(dataSource, nestedOf("Tag")),
    authorEditor: editorOf(authorKind),
    categoryEditor: editorOf(categoryKind),
    tagEditor: editorOf(tagKind),
    /** The canonical URLs of articles, sections, authors and tags (PUBLIC_URL, ARTICLE_URL_TEMPLATE). */
    urls: new PublicUrls(urls),
  };
}

export function directoryLoaders(services: DirectoryServices, make: LoaderFactory) {
  return {
    authorById: make.batch((ids: readonly number[]) => services.authors.byIds(ids)),
    categoryById: make.batch((ids: readonly number[]) => services.categories.byIds(ids)),
    tagById: make.batch((ids: readonly number[]) => services.tags.byIds(ids)),
    tagsByArticle: make.batch((ids: readonly number[]) => services.tags.byArticles(ids)),
  };
}

export type DirectoryServices = ReturnType<typeof directoryServices>;
export type DirectoryLoaders = ReturnType<typeof directoryLoaders>;

export interface DirectoryContext extends UserContext {
  services: UserServices & DirectoryServices;
  loaders: UserLoaders & DirectoryLoaders;
}
