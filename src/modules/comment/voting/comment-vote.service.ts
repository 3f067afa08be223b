import { DataSource, EntityManager, In } from "typeorm";
import { tags } from "../../../caching/cache-tags";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { isPostgres } from "../../../database/dialect";
import { inTransaction } from "../../../database/transaction";
import { RateLimiter } from "../../../rate-limit/rate-limiter";
import { inKeyOrder } from "../../../shared/batch";
import { BadUserInputError } from "../../../shared/errors";
import { decodeGlobalIdOf } from "../../../shared/global-id";
import { readerOf } from "../../../shared/reader-key";
import { ArticleStatus } from "../../article";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";
import { CommentVote } from "./comment-vote.entity";
import { VoteCommentInput } from "./vote-comment.input";
import { storedVote, VoteValue, voteOfStored } from "./vote-value";
import { wilsonLowerBound } from "./wilson";

const messages = {
  commentNotFound: "No approved comment on a published article has this id.",
};

/** What voteComment answers. */
export interface CastVote {
  comment: Comment;
  vote: VoteValue | null;
}

/**
 * Readers' votes on comments: one per reader per comment (the signed-in
 * user, else the reader key), and the counts and the BEST and TOP keys on
 * the comment row, changed in the vote's transaction.
 */
export class CommentVoteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    private readonly contentChanged: ContentChanged,
  ) {}

  /**
   * Sets the reader's vote to `input.value` (null: none). A vote that is
   * already stored changes nothing, so a retry counts once. Every attempt
   * counts against the rate limit, per client address and per reader,
   * before anything touches the database.
   */
  async vote(input: VoteCommentInput, viewer: { id: number } | null, clientAddress: string): Promise<CastVote> {
    const commentId = decodeGlobalIdOf("Comment", input.commentId, "input.commentId");
    const voter = readerOf(viewer, input.readerKey, "input.readerKey")!;
    const value = input.value ?? null;
    await this.limiter.attempt([`ip:${clientAddress}`, `reader:${voter}`]);
    const comment = await purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, (manager) => this.voteIn(manager, commentId, voter, value, changed)),
    );
    return { comment, vote: value };
  }

  /** Each comment's vote by `voter`, in the order of `commentIds`: one statement. */
  async votesOf(voter: string, commentIds: readonly number[]): Promise<(VoteValue | null)[]> {
    const votes = await this.dataSource.getRepository(CommentVote).findBy({ voter, commentId: In([...commentIds]) });
    return inKeyOrder(commentIds, votes, (vote) => vote.commentId).map((vote) => (vote ? voteOfStored(vote.value) : null));
  }

  private async voteIn(manager: EntityManager, commentId: number, voter: string, value: VoteValue | null, changed: Set<string>): Promise<Comment> {
    const comment = await this.lockVisible(manager, commentId);
    if (!comment) throw new BadUserInputError(messages.commentNotFound, { field: "input.commentId" });
    const votes = manager.getRepository(CommentVote);
    const stored = await votes.findOneBy({ commentId, voter });
    const previous = stored ? voteOfStored(stored.value) : null;
    if (previous === value) return comment;
    if (value === null) await votes.delete({ commentId, voter });
    else if (stored) await votes.update({ commentId, voter }, { value: storedVote(value), votedAt: new Date() });
    else await votes.insert({ commentId, voter, value: storedVote(value), votedAt: new Date() });
    await this.retally(manager, comment, previous, value);
    changed.add(tags.thread(comment.articleId));
    return comment;
  }

  /**
   * The comment, if readers can see it, its row locked on PostgreSQL until
   * the commit: votes on one comment then change its counts one after the
   * other, and a reader's retry waits for the first attempt and finds its
   * vote. FOR NO KEY UPDATE, since no key changes: a reply to the comment
   * (whose foreign key only shares the row) need not wait. SQLite runs one
   * write transaction at a time anyway (`inTransaction`).
   */
  private lockVisible(manager: EntityManager, commentId: number): Promise<Comment | null> {
    const query = manager
      .getRepository(Comment)
      .createQueryBuilder("comment")
      .innerJoin("article", "article", "article.id = comment.article_id AND article.status = :published", { published: ArticleStatus.PUBLISHED })
      .where("comment.id = :commentId AND comment.status = :approved", { commentId, approved: CommentStatus.APPROVED });
    if (isPostgres(manager.connection)) query.setLock("for_no_key_update", undefined, ["comment"]);
    return query.getOne();
  }

  /**
   * Moves the counts from `previous` to `value` and stores them with the
   * order keys they imply, on `comment` too. Written with SQL of its own:
   * the entity's vote columns are `update: false`, out of reach of saves.
   */
  private async retally(manager: EntityManager, comment: Comment, previous: VoteValue | null, value: VoteValue | null): Promise<void> {
    const count = (vote: VoteValue | null, of: VoteValue) => (vote === of ? 1 : 0);
    const upvotes = comment.upvotes - count(previous, VoteValue.UP) + count(value, VoteValue.UP);
    const downvotes = comment.downvotes - count(previous, VoteValue.DOWN) + count(value, VoteValue.DOWN);
    Object.assign(comment, { upvotes, downvotes, netVotes: upvotes - downvotes, wilsonLowerBound: wilsonLowerBound(upvotes, downvotes) });
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `UPDATE comment SET upvotes = :upvotes, downvotes = :downvotes, net_votes = :netVotes, wilson_lower_bound = :wilsonLowerBound WHERE id = :id`,
      { id: comment.id, upvotes, downvotes, netVotes: comment.netVotes, wilsonLowerBound: comment.wilsonLowerBound },
    );
    await manager.query(sql, parameters);
  }
}
