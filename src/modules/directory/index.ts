import { tags } from "../../caching/cache-tags";
import { defineModule } from "../feature-module";
import { AuthorEditorResolver } from "./author/author-editor.resolver";
import { Author } from "./author/author.entity";
import { AuthorResolver } from "./author/author.resolver";
import { UserBylineResolver } from "./author/user-byline.resolver";
import { CategoryEditorResolver } from "./category/category-editor.resolver";
import { Category } from "./category/category.entity";
import { CategoryResolver } from "./category/category.resolver";
import { directoryLoaders, directoryServices } from "./directory.services";
import { ArticleTag } from "./tag/article-tag.entity";
import { TagEditorResolver } from "./tag/tag-editor.resolver";
import { Tag } from "./tag/tag.entity";
import { TagResolver } from "./tag/tag.resolver";

/** Authors, sections (categories) and tags: who and what articles are filed under, looked up and edited alike. */
export const directoryModule = defineModule({
  name: "directory",
  resolvers: [AuthorResolver, CategoryResolver, TagResolver, AuthorEditorResolver, CategoryEditorResolver, TagEditorResolver, UserBylineResolver],
  entities: [Author, Category, Tag, ArticleTag],
  services: directoryServices,
  loaders: directoryLoaders,
  cacheTags: {
    objects: [
      { type: Author, tag: (author: Author) => tags.author(author.id) },
      { type: Category, tag: (category: Category) => tags.section(category.id) },
      { type: Tag, tag: (tag: Tag) => tags.tag(tag.id) },
    ],
    lists: {
      "Query.authors": (_parent, _args, add) => add(tags.authors),
      "Query.categories": (_parent, _args, add) => add(tags.sections),
      "Query.tags": (_parent, _args, add) => add(tags.tagList),
    },
  },
});

export { Author } from "./author/author.entity";
export { Category } from "./category/category.entity";
export { Tag } from "./tag/tag.entity";
export { ArticleTag } from "./tag/article-tag.entity";
export { articleTags } from "./tag/article-tags";
export type { NamedEntity } from "./named-entity.service";
export { namedEntityColumns } from "./named-entity-columns";
export type { PublicUrls } from "./public-urls";
export type { DirectoryContext, DirectoryLoaders, DirectoryServices } from "./directory.services";
