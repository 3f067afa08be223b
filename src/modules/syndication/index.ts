import { FastifyInstance } from "fastify";
import { defineModule, RouteDeps } from "../feature-module";
import { registerFeedRoutes } from "./feeds/feed.routes";
import { registerRobotsRoute } from "./sitemaps/robots.routes";
import { registerSitemapRoutes } from "./sitemaps/sitemap.routes";
import { SyndicationServices, syndicationServices } from "./syndication.services";

/**
 * What the publication's content looks like outside the API: RSS, Atom
 * and JSON Feed of the front page, sections, authors and tags, read
 * through the API's own queries (`feeds/`); the sitemaps, the Google News
 * sitemap and robots.txt, read in id order straight from the tables so
 * that a million articles stream in constant memory (`sitemaps/`). The
 * canonical URLs they link to are the `url` fields (directory's `PublicUrls`).
 */
export const syndicationModule = defineModule({
  name: "syndication",
  resolvers: [],
  entities: [],
  services: syndicationServices,
  routes: (app: FastifyInstance, deps: RouteDeps<SyndicationServices>) => {
    registerFeedRoutes(app, deps);
    registerSitemapRoutes(app, deps);
    registerRobotsRoute(app, deps);
  },
});
