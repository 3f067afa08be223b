import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { ArticleStatus } from "../article-status";
import { ReadWindow } from "../views/read-window";
import { ArticleOrder } from "./article.orders";

@InputType({ description: "Narrows a list of articles (published ones unless status says otherwise); all conditions must hold." })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: "Only this author's articles." })
  authorSlug?: string | null;

  @Field(() => String, { nullable: true, description: "Only this section's articles." })
  categorySlug?: string | null;

  @Field(() => [String], { nullable: true, description: "Articles carrying any of these tags (at most 20)." })
  tagSlugs?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Full-text search over title, excerpt and body: every word must occur (stemmed; case does not matter). " +
      "With orderBy RELEVANCE ranks by match, title words weighing most. At most 256 characters and 16 words.",
  })
  search?: string | null;

  @Field(() => Date, { nullable: true, description: "Published at or after this time." })
  publishedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: "Published before this time." })
  publishedBefore?: Date | null;

  @Field(() => [ID], { nullable: true, description: "Leave these articles out (at most 100)." })
  excludeIds?: string[] | null;

  @Field(() => ArticleStatus, {
    nullable: true,
    description:
      "PUBLISHED when absent. Other statuses need a signed-in user: editors see every article in that status, authors and " +
      "contributors their own; for readers it is FORBIDDEN. Drafts sort by their last change.",
  })
  status?: ArticleStatus | null;

  @Field(() => ReadWindow, {
    nullable: true,
    description:
      "The window orderBy MOST_READ ranks by (WEEK when absent). It narrows nothing, so with any other order it is a BAD_USER_INPUT " +
      "rather than silently ignored.",
  })
  readWindow?: ReadWindow | null;
}

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleFilter, { nullable: true })
  filter?: ArticleFilter | null;

  @Field(() => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.NEWEST })
  orderBy: ArticleOrder | null;
}

@ArgsType()
export class ArticleLookupArgs {
  @Field(() => String, { nullable: true })
  slug?: string | null;

  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "From createPreviewToken: opens that one article in any status without signing in; a bad one is INVALID_PREVIEW_TOKEN.",
  })
  previewToken?: string | null;
}
