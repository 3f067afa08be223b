import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { ArticleContext } from "../article.services";
import { Role, signedIn } from "../../user";
import { PREVIEW_MINUTES } from "./article-preview.service";
import { CREATE_IDEMPOTENCY_KEY } from "../../../shared/idempotency/idempotency-keys";

@ObjectType({ description: "A link secret that opens one article, in any status, until it expires." })
export class PreviewToken {
  @Field({ description: "Pass as `article(id: …, previewToken: …)` (or with its slug); no Authorization header needed." })
  token: string;

  @Field(() => Date, { description: "After this the token is refused with INVALID_PREVIEW_TOKEN (reason EXPIRED)." })
  expiresAt: Date;
}

@Resolver()
export class ArticlePreviewResolver {
  @Authorized(Role.CONTRIBUTOR)
  @Mutation(() => PreviewToken, {
    description:
      "A preview link for a draft or scheduled article, for a front end to show it without the editor's credentials. Editors and the article's author.",
  })
  createPreviewToken(
    @Arg("articleId", () => ID) articleId: string,
    @Arg("expiresInMinutes", () => Int, { defaultValue: PREVIEW_MINUTES.default, description: `At most ${PREVIEW_MINUTES.max} (a week).` })
    expiresInMinutes: number,
    @Arg("idempotencyKey", () => String, CREATE_IDEMPOTENCY_KEY) idempotencyKey: string | null,
    @Ctx() ctx: ArticleContext,
  ): Promise<PreviewToken> {
    return ctx.services.preview.createToken(signedIn(ctx), articleId, expiresInMinutes, idempotencyKey);
  }
}
