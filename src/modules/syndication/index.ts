import { defineModule } from "../feature-module";
import { registerFeedRoutes } from "./feed.routes";

/**
 * What the publication's content looks like outside the API: RSS, Atom
 * and JSON Feed of the front page, sections, authors and tags, read
 * through the API's own queries. The canonical URLs they link to are the
 * `url` fields (directory's `PublicUrls`).
 */
export const syndicationModule = defineModule({
  name: "syndication",
  resolvers: [],
  entities: [],
  services: () => ({}),
  routes: registerFeedRoutes,
});
