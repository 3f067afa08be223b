import { DataSource } from "typeorm";
import { inTransactionRetryingKeyRaces } from "../../../database/transaction";
import { IdempotencyKeys } from "../../../shared/idempotency/idempotency-keys";
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
    private readonly dataSource: DataSource,
    private readonly signer: TokenSigner,
    private readonly lookup: ArticleLookupService,
    private readonly idempotency = new IdempotencyKeys(),
  ) {}

  /**
   * For those who may read the article themselves (editors, its author);
   * NOT_FOUND for anyone else. With `idempotencyKey`, the key keeps the
   * first call's issue time, not the token: a retry re-signs the same
   * claims at that time, which gives the same token (HS256 is
   * deterministic), so no bearer secret is stored.
   */
  async createToken(user: User, articleGlobalId: string, minutes: number, idempotencyKey?: string | null): Promise<SignedToken> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > PREVIEW_MINUTES.max) {
      throw new BadUserInputError(messages.minutes, { field: "expiresInMinutes", maximum: PREVIEW_MINUTES.max });
    }
    const id = decodeGlobalIdOf("Article", articleGlobalId, "articleId");
    const article = await this.lookup.readable(user, { id });
    if (!article) throw new NotFoundError(messages.notFound, { field: "articleId" });
    const issuedAt = await inTransactionRetryingKeyRaces(this.dataSource, (manager) =>
      this.idempotency.onceText(
        manager,
        `createPreviewToken:${user.id}`,
        idempotencyKey,
        { articleId: article.id, minutes },
        async () => String(this.signer.issuedAtNow()),
        "idempotencyKey",
      ),
    );
    return this.signer.sign(PREVIEW_AUDIENCE, String(article.id), minutes * 60, {}, Number(issuedAt.value));
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
