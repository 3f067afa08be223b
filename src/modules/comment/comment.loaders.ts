import { batchLoader, pagedLoader } from "../../shared/pagination/paged-loader";
import { Comment } from "./comment.entity";
import { CommentService } from "./comment.service";

export function createCommentLoaders(comments: CommentService) {
  return {
    commentById: batchLoader((ids: readonly number[]) => comments.byIds(ids)),
    commentsByArticle: pagedLoader<Comment>((ids, request) => comments.pagesByArticle(ids, request)),
    commentCountByArticle: batchLoader((ids: readonly number[]) => comments.countByArticle(ids)),
    repliesByComment: pagedLoader<Comment>((ids, request) => comments.pagesByParent(ids, request)),
    inlineFeedbackByArticle: pagedLoader<Comment>((ids, request) => comments.inlineFeedbackPages(ids, request)),
    inlineFeedbackCountByArticle: batchLoader((ids: readonly number[]) => comments.countInlineFeedback(ids)),
    replyCountByComment: batchLoader((ids: readonly number[]) => comments.countByParent(ids)),
  };
}
