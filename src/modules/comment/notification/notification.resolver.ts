import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { CommentContext } from "../comment.services";
import { NotifyMode } from "./notify-mode";

@Resolver()
export class NotificationResolver {
  @Mutation(() => Boolean, {
    description: "'Notify of': double opt-in; the confirmation goes out through the outbox. True whether or not the address was already subscribed.",
  })
  async subscribeToComments(
    @Arg("articleId", () => ID) articleId: string,
    @Arg("email") email: string,
    @Arg("mode", () => NotifyMode) mode: NotifyMode,
    @Ctx() ctx: CommentContext,
  ): Promise<boolean> {
    await ctx.services.commentSubscriptions.subscribe(articleId, email, mode, ctx.clientAddress);
    return true;
  }

  @Mutation(() => Boolean, { description: "Confirms a 'Notify of' subscription with the token its confirmation mail carries." })
  async confirmCommentSubscription(@Arg("token") token: string, @Ctx() ctx: CommentContext): Promise<boolean> {
    await ctx.services.commentSubscriptions.confirm(token);
    return true;
  }

  @Mutation(() => Boolean, { description: "Ends a 'Notify of' subscription with the one-click token every mail carries." })
  async unsubscribe(@Arg("token") token: string, @Ctx() ctx: CommentContext): Promise<boolean> {
    await ctx.services.commentSubscriptions.unsubscribe(token);
    return true;
  }
}
