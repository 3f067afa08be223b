import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Role, signedIn } from "../../user";
import { ArticlePayload, CreateArticleInput, UpdateArticleInput } from "./article-editor.inputs";
import { Transition } from "../publishing/article-publisher.service";
import { Article } from "../article.entity";

const payload = async (article: Promise<Article>): Promise<ArticlePayload> => ({ article: await article });

/** The editorial mutations: roles by `@Authorized`, ownership and versions by the services. */
@Resolver()
export class ArticleEditorResolver {
  @Authorized(Role.CONTRIBUTOR)
  @Mutation(() => ArticlePayload, { description: "A new DRAFT under the signed-in user's byline (editors may give another)." })
  createArticle(@Arg("input") input: CreateArticleInput, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return payload(ctx.services.editor.create(signedIn(ctx), input));
  }

  @Authorized(Role.CONTRIBUTOR)
  @Mutation(() => ArticlePayload, { description: "Changes an article at the version it was read at; a stale version is a CONFLICT." })
  updateArticle(@Arg("input") input: UpdateArticleInput, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return payload(ctx.services.editor.update(signedIn(ctx), input));
  }

  @Authorized(Role.AUTHOR)
  @Mutation(() => ArticlePayload, { description: "Puts the article live now." })
  publishArticle(@Arg("id", () => ID) id: string, @Arg("version", () => Int) version: number, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return this.transition(ctx, "publishArticle", id, version);
  }

  @Authorized(Role.AUTHOR)
  @Mutation(() => ArticlePayload, { description: "Publishes the article at publishAt, a time in the future." })
  scheduleArticle(
    @Arg("id", () => ID) id: string,
    @Arg("version", () => Int) version: number,
    @Arg("publishAt", () => Date) publishAt: Date,
    @Ctx() ctx: ArticleContext,
  ): Promise<ArticlePayload> {
    return this.transition(ctx, "scheduleArticle", id, version, publishAt);
  }

  @Authorized(Role.AUTHOR)
  @Mutation(() => ArticlePayload, { description: "Takes a published or scheduled article back to DRAFT." })
  unpublishArticle(@Arg("id", () => ID) id: string, @Arg("version", () => Int) version: number, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return this.transition(ctx, "unpublishArticle", id, version);
  }

  @Authorized(Role.AUTHOR)
  @Mutation(() => ArticlePayload, { description: "Withdraws a published article from every list, keeping it for the record." })
  archiveArticle(@Arg("id", () => ID) id: string, @Arg("version", () => Int) version: number, @Ctx() ctx: ArticleContext): Promise<ArticlePayload> {
    return this.transition(ctx, "archiveArticle", id, version);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Boolean, { description: "Deletes the article with its comments; old links stop answering." })
  deleteArticle(@Arg("id", () => ID) id: string, @Ctx() ctx: ArticleContext): Promise<boolean> {
    return ctx.services.editor.delete(signedIn(ctx), id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ArticlePayload, { description: "Pins (or with no pickId, unpins) the inline 'Keep Reading' article." })
  pinKeepReading(
    @Arg("articleId", () => ID) articleId: string,
    @Arg("pickId", () => ID, { nullable: true }) pickId: string | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<ArticlePayload> {
    return payload(ctx.services.editor.pinKeepReading(signedIn(ctx), articleId, pickId));
  }

  private transition(ctx: ArticleContext, transition: Transition, id: string, version: number, publishAt?: Date): Promise<ArticlePayload> {
    return payload(ctx.services.publisher.transition(signedIn(ctx), transition, id, version, publishAt));
  }
}
