import { ArgsType, Field, ID, InputType } from "type-graphql";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { ArticleOrder } from "./article.orders";

@InputType({ description: "Narrows a list of published articles; all conditions must hold." })
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
}
