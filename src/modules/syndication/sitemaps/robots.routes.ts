import { FastifyInstance } from "fastify";
import { RouteDeps } from "../../feature-module";
import { etagOf, validate } from "../../../http/conditional-get";
import { SyndicationServices } from "../syndication.services";

/**
 * `GET /robots.txt`: every crawler may read the pages, and is told where the
 * sitemaps are (under PUBLIC_URL, where the site serves them). The GraphQL
 * endpoint is no page to index.
 */
export function registerRobotsRoute(app: FastifyInstance, deps: RouteDeps<SyndicationServices>): void {
  const { urls } = deps.services;
  const body = `User-agent: *\nDisallow: /graphql\n\nSitemap: ${urls.at("/sitemap.xml")}\nSitemap: ${urls.at("/sitemap-news.xml")}\n`;
  const etag = etagOf(body);
  app.get("/robots.txt", (request, reply) => {
    reply.header("cache-control", deps.untaggedCacheControl);
    if (validate(request, reply, etag, null)) return reply.code(304).send();
    return reply.type("text/plain; charset=utf-8").send(body);
  });
}
