import { Readable } from "node:stream";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { publicDatabaseFault } from "../../../database/database-faults";
import { RouteDeps } from "../../feature-module";
import { etagOf, validate } from "../../../http/conditional-get";
import { refuse } from "../http-answers";
import { SyndicationServices } from "../syndication.services";
import { childOf, childPath } from "./sitemap-kinds";
import { newsSitemap, SITEMAP_MEDIA_TYPE, sitemapIndex, URLSET_END, URLSET_START, urlEntries } from "./sitemap-xml";

const messages = {
  noSuchSitemap: "No such sitemap: /sitemap.xml lists them.\n",
  unavailable: "The sitemap cannot be read right now: try again shortly.\n",
};

/** Google News takes articles published in the last two days. */
const NEWS_WINDOW_HOURS = 48;

/**
 * `GET /sitemap.xml` (the index), `/sitemaps/<articles|sections|authors|tags>-<n>.xml`
 * (its children, streamed in batches as they are read) and `/sitemap-news.xml`
 * (Google News). Each answer carries an ETag and Last-Modified, and a request
 * that names them back gets a 304. A database fault before the first byte
 * is a 503; an unknown child, a 404.
 */
export function registerSitemapRoutes(app: FastifyInstance, deps: RouteDeps<SyndicationServices>): void {
  const { sitemaps, urls, publication } = deps.services;
  app.get("/sitemap.xml", (request, reply) =>
    answering(reply, async () => {
      const children = await sitemaps.children();
      const body = sitemapIndex(children.map((child) => ({ loc: urls.at(childPath(child)), lastmod: child.lastmod })));
      const lastModified = new Date(Math.max(0, ...children.map((child) => child.lastmod.getTime())));
      return send(request, reply, deps, body, lastModified);
    }),
  );
  app.get<{ Params: { file: string } }>("/sitemaps/:file", (request, reply) =>
    answering(reply, async () => {
      const child = childOf(request.params.file);
      const open = child && (await sitemaps.open(child));
      if (!open) return refuse(reply, 404, messages.noSuchSitemap);
      reply.header("cache-control", deps.untaggedCacheControl);
      if (validate(request, reply, etagOf(open.signature), open.lastModified)) return reply.code(304).send();
      const body = Readable.from(
        (async function* () {
          yield URLSET_START;
          for await (const batch of open.batches) yield urlEntries(batch);
          yield URLSET_END;
        })(),
      );
      return reply.type(SITEMAP_MEDIA_TYPE).send(body);
    }),
  );
  app.get("/sitemap-news.xml", (request, reply) =>
    answering(reply, async () => {
      const entries = await sitemaps.news(new Date(), NEWS_WINDOW_HOURS);
      const lastModified = new Date(Math.max(0, ...entries.map((entry) => entry.publishedAt.getTime())));
      return send(request, reply, deps, newsSitemap(publication, entries), lastModified);
    }),
  );
}

function send(request: FastifyRequest, reply: FastifyReply, deps: RouteDeps, body: string, lastModified: Date) {
  reply.header("cache-control", deps.untaggedCacheControl);
  if (validate(request, reply, etagOf(body), lastModified)) return reply.code(304).send();
  return reply.type(SITEMAP_MEDIA_TYPE).send(body);
}

/** Runs a route's reads: a database fault becomes a 503 a crawler retries, anything else stays the server's error. */
async function answering(reply: FastifyReply, answer: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await answer();
  } catch (error) {
    if (publicDatabaseFault(error)) return refuse(reply, 503, messages.unavailable);
    throw error;
  }
}
