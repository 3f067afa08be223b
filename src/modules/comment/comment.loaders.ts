import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { Comment } from "./comment.entity";
import { CommentService } from "./comment.service";
import { CommentVoteService } from "./voting/comment-vote.service";

export function createCommentLoaders(comments: CommentService, votes: CommentVoteService, make: LoaderFactory) {
  return {
    commentById: make.batch((ids: readonly number[]) => comments.byIds(ids)),
    commentsByArticle: make.paged<Comment>((ids, request) => comments.pagesByArticle(ids, request)),
    commentCountByArticle: make.batch((ids: readonly number[]) => comments.countByArticle(ids)),
    repliesByComment: make.paged<Comment>((ids, request) => comments.pagesByParent(ids, request)),
    inlineFeedbackByArticle: make.paged<Comment>((ids, request) => comments.inlineFeedbackPages(ids, request)),
    inlineFeedbackCountByArticle: make.batch((ids: readonly number[]) => comments.countInlineFeedback(ids)),
    /** Per article, approved inline feedback by block id: what every block's `inlineFeedbackCount` of a page reads, in one statement. */
    inlineFeedbackCountsByBlock: make.batch((ids: readonly number[]) => comments.countInlineFeedbackByBlock(ids)),
    replyCountByComment: make.batch((ids: readonly number[]) => comments.countByParent(ids)),
    /** A reader's votes (`readerOf` names the reader) on the comments of the request. */
    voteByComment: make.keyed(
      (voter: string) => voter,
      (ids: readonly number[], voter) => votes.votesOf(voter, ids),
    ),
  };
}
