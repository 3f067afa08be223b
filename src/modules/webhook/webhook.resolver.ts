import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionArgs } from "../../shared/pagination/connection.args";
import { Connection } from "../../shared/pagination/connection.types";
import { pageRequest } from "../../shared/pagination/page-request";
import { Role, signedIn } from "../user";
import { WebhookDelivery } from "./delivery/webhook-delivery.entity";
import { Webhook } from "./webhook.entity";
import { CreateWebhookInput, CreateWebhookPayload, UpdateWebhookInput, WebhookConnection, WebhookDeliveryConnection } from "./webhook.inputs";
import { WebhookContext } from "./webhook.services";
import { deliveriesNewestFirst, webhooksInOrder } from "./webhook.service";

/** Webhooks are admins' only: they send content out of the building and carry secrets. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized(Role.ADMIN)
  @Query(() => WebhookConnection, { description: "Admins: every webhook, in the order they were registered." })
  webhooks(@Args() args: ConnectionArgs, @Ctx() ctx: WebhookContext): Promise<Connection<Webhook>> {
    return ctx.services.webhooks.list(pageRequest(args, webhooksInOrder));
  }

  @Authorized(Role.ADMIN)
  @Query(() => WebhookDeliveryConnection, { description: "Admins: a webhook's deliveries, newest first, with how their attempts went." })
  webhookDeliveries(
    @Arg("webhookId", () => ID) webhookId: string,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: WebhookContext,
  ): Promise<Connection<WebhookDelivery>> {
    return ctx.services.webhooks.deliveries(webhookId, pageRequest(args, deliveriesNewestFirst));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateWebhookPayload, {
    description: "Admins: a new endpoint, told of the events it names by POSTs signed per Standard Webhooks. The answer carries its secret, shown this once.",
  })
  createWebhook(@Arg("input") input: CreateWebhookInput, @Ctx() ctx: WebhookContext): Promise<CreateWebhookPayload> {
    return ctx.services.webhooks.create(signedIn(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Webhook, { description: "Admins: change a webhook's URL or events, or disable and enable it." })
  updateWebhook(@Arg("input") input: UpdateWebhookInput, @Ctx() ctx: WebhookContext): Promise<Webhook> {
    return ctx.services.webhooks.update(signedIn(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Admins: remove a webhook and its delivery history; what was queued for it is not sent." })
  deleteWebhook(@Arg("id", () => ID) id: string, @Ctx() ctx: WebhookContext): Promise<boolean> {
    return ctx.services.webhooks.delete(signedIn(ctx), id);
  }
}
