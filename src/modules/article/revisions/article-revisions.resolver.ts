import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from "type-graphql";
import { ArticleContext } from "../article.services";
import { ForbiddenError } from "../../../shared/errors";
import { ConnectionArgs } from "../../../shared/pagination/connection.args";
import { Connection, connectionFrom } from "../../../shared/pagination/connection.types";
import { pageRequest } from "../../../shared/pagination/page-request";
import { ArticlePayload } from "../editing/article-editor.inputs";
import { articlePolicy } from "../article-policy";
import { Article } from "../article.entity";
import { Role, signedIn } from "../../user";
import { ArticleRevision } from "./article-revision.entity";
import { ArticleRevisionConnection, newestRevisionFirst } from "./revision.connection";
import { RestoreArticleRevisionInput } from "./revision.inputs";

const messages = {
  notYours: "Only editors and the article's author may see its revisions.",
};

/** An article's revisions: listed for editors and its author, restored through the article's write path. */
@Resolver(() => Article)
export class ArticleRevisionsResolver {
  @Authorized()
  @FieldResolver(() => ArticleRevisionConnection, {
    nullable: true,
    description: "Saved states of the article since it was first published, newest first. Editors and the article's author only.",
  })
  async revisions(
    @Root() article: Article,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: ArticleContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<ArticleRevision>> {
    if (!articlePolicy.canRead(signedIn(ctx), article)) throw new ForbiddenError(messages.notYours);
    const page = await ctx.loaders.revisionsByArticle.ofField(info, () => pageRequest(args, newestRevisionFirst)).load(article.id);
    return connectionFrom(page, () => ctx.loaders.revisionCountByArticle.load(article.id));
  }

  @Authorized(Role.CONTRIBUTOR)
  @Mutation(() => ArticlePayload, {
    description:
      "Brings back a revision's content (headline, standfirst, excerpt, body, section, tags, image) as a new save at `version`; " +
      "the slug of a published article stays. Recorded as a revision of its own.",
  })
  async restoreArticleRevision(@Arg("input") input: RestoreArticleRevisionInput, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return { article: await ctx.services.revisions.restore(signedIn(ctx), input) };
  }
}
