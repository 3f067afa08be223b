import { FastifyReply } from "fastify";
import { NO_STORE } from "../../caching/cache-control.plugin";

/** A refusal (404, 400, 503): a short plain-text body nobody caches. */
export function refuse(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).header("cache-control", NO_STORE).type("text/plain; charset=utf-8").send(message);
}
