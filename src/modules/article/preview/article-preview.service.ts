import { BadUserInputError, InvalidPreviewTokenError, NotFoundError } from "../../../shared/errors";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { SignedToken, TokenSigner, User } from "../../user";
import { ArticleLookup, ArticleLookupService } from "../article-lookup.service";
import { Article } from "../article.entity";

/** The JWT audience of preview tokens: distinct from sign-in tokens', so neither passes as the other. */
export const PREVIEW_AUDIENCE = "article-preview";

export const PREVIEW_MINUTES = { default: 60, max: 7 * 24 * 60 };

const messages = {
  notFound: "No such article.",
  minutes: `expiresInMinutes must be between 1 and ${PREVIEW_MINUTES.max}.`,
  expired: "This preview link has expired: ask for a new one.",
  invalid: "This is not a valid preview token.",
  otherArticle: "This preview token is for another article.",
};

/**
 * Preview links: a signed, expiring token that lets whoever holds it read
 * one article in any status, without the editor's credentials. The token
 * names the article (its subject); it opens nothing else.
 */
export class ArticlePreviewService {
  constructor(
    private readonly signer: TokenSigner,
    private readonly lookup: ArticleLookupService,
  ) {}

  /** For those who may read the article themselves (editors, its author); NOT_FOUND for anyone else. */
  async createToken(user: User, articleGlobalId: string, minutes: number): Promise<SignedToken> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > PREVIEW_MINUTES.max) {
      throw new BadUserInputError(messages.minutes, { field: "expiresInMinutes", maximum: PREVIEW_MINUTES.max });
    }
    const id = decodeGlobalIdOf("Article", articleGlobalId, "articleId");
    const article = await this.lookup.readable(user, { id });
    if (!article) throw new NotFoundError(messages.notFound, { field: "articleId" });
    return this.signer.sign(PREVIEW_AUDIENCE, String(article.id), minutes * 60);
  }

  /** The article `lookup` names, in any status, when `token` was issued for it; a coded error otherwise. */
  async read(token: string, lookup: ArticleLookup): Promise<Article | null> {
    const checked = await this.signer.check(PREVIEW_AUDIENCE, token);
    if ("failure" in checked) {
      throw new InvalidPreviewTokenError(checked.failure === "EXPIRED" ? messages.expired : messages.invalid, checked.failure);
    }
    const article = await this.lookup.anyStatus(lookup);
    if (article && String(article.id) !== checked.subject) throw new InvalidPreviewTokenError(messages.otherArticle, "OTHER_ARTICLE");
    return article;
  }
}
