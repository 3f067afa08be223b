import { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GRAPHIQL_PATH } from "./graphiql.routes";

/** The end of what Apollo's page shows, after a second, when Sandbox's scripts cannot be fetched from its CDN. */
const OFFLINE_NOTICE = "it appears that you might be offline.</p>";

/**
 * Apollo Sandbox at `/graphql` in a browser, as Apollo's local default page
 * shows it, whose "you might be offline" notice also links to the GraphiQL
 * this server serves itself.
 */
export function landingPageWithGraphiql(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault();
  return {
    async serverWillStart(service) {
      const inner = await sandbox.serverWillStart!(service);
      return {
        async renderLandingPage() {
          const page = await inner!.renderLandingPage!();
          const html = typeof page.html === "string" ? page.html : await page.html();
          return {
            html: html.replace(
              OFFLINE_NOTICE,
              `${OFFLINE_NOTICE}\n<p>GraphiQL is served by this server and works offline: <a href="${GRAPHIQL_PATH}">${GRAPHIQL_PATH}</a></p>`,
            ),
          };
        },
      };
    },
  };
}
