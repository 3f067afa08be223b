import { DataSource } from "typeorm";
import { ContentChanged, purgingAfter } from "../../../caching/content-changes";
import { inTransaction } from "../../../database/transaction";
import { NotFoundError } from "../../../shared/errors";
import { recordAudit } from "../../user";
import { CommentApproval } from "./comment-approval";
import { CommentStatus } from "../comment-status";
import { Comment } from "../comment.entity";

/**
 * What an editor does to a comment: approve, hold, mark as spam or delete.
 * The CLI (`npm run comments:moderate`) calls it now; the editorial API's
 * `moderateComment` wraps it with its role check. Approving notifies
 * subscribers and emits `commentAdded`; every change keeps the article's
 * `commentCount` exact.
 */
export class CommentModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly approval: CommentApproval,
    private readonly contentChanged: ContentChanged,
  ) {}

  /**
   * The comment as changed; NOT_FOUND for an unknown id. Setting the status
   * it has changes nothing. A change is audited as `moderateComment` by
   * `actorId` (null: an operator at the command line).
   */
  async moderate(commentId: number, status: CommentStatus, actorId: number | null = null): Promise<Comment> {
    const { comment, announcement } = await purgingAfter(this.contentChanged, (changed) =>
      inTransaction(this.dataSource, async (manager) => {
        const found = await manager.getRepository(Comment).findOneBy({ id: commentId });
        if (!found) throw new NotFoundError("No comment has this id.", { field: "id" });
        if (found.status === status) return { comment: found, announcement: null };
        const previous = found.status;
        const announcement = await this.approval.setStatus(manager, found, status, changed);
        await recordAudit(manager, actorId, "moderateComment", "Comment", commentId, `${previous} -> ${status}`);
        return { comment: found, announcement };
      }),
    );
    if (announcement) await this.approval.announce(announcement);
    return comment;
  }
}
