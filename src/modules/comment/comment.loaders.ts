import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { Comment } from "./comment.entity";
import { CommentService } from "./comment.service";

export function createCommentLoaders(comments: CommentService, make: LoaderFactory) {
  return {
    commentById: make.batch((ids: readonly number[]) => comments.byIds(ids)),
    commentsByArticle: make.paged<Comment>((ids, request) => comments.pagesByArticle(ids, request)),
    commentCountByArticle: make.batch((ids: readonly number[]) => comments.countByArticle(ids)),
    repliesByComment: make.paged<Comment>((ids, request) => comments.pagesByParent(ids, request)),
    inlineFeedbackByArticle: make.paged<Comment>((ids, request) => comments.inlineFeedbackPages(ids, request)),
    inlineFeedbackCountByArticle: make.batch((ids: readonly number[]) => comments.countInlineFeedback(ids)),
    replyCountByComment: make.batch((ids: readonly number[]) => comments.countByParent(ids)),
  };
}
