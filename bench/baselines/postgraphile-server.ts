// First: PostGraphile 5 needs it on Node.js 20.
import "./promise-with-resolvers";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { countStatements } from "./count-statements";
// tsconfig resolves modules the node10 way, which ignores package "exports": the types come from the files
// behind these public subpaths, and the modules themselves are loaded by their public names.
import type * as AdaptorModule from "@dataplan/pg/dist/adaptors/pg";
import type * as GrafservNodeModule from "grafserv/dist/servers/node/index";
import type * as AmberModule from "postgraphile/dist/presets/amber";

const { makePgService } = require("postgraphile/adaptors/pg") as typeof AdaptorModule;
const { grafserv } = require("postgraphile/grafserv/node") as typeof GrafservNodeModule;
const { PostGraphileAmberPreset } = require("postgraphile/presets/amber") as typeof AmberModule;

/**
 * A user's most likely alternative, on node:http at PORT: PostGraphile 5
 * with its base preset over DATABASE_URL's `public` schema, as one would run
 * it in production: the schema built once at start (no watch), no GraphiQL,
 * no `explain`, the pg pool at node-postgres's default of 10 like the
 * server's. GET /healthz answers 200 once the schema is built; GET /metrics
 * gives `db_queries_total`, the statements sent so far.
 */
async function main(): Promise<void> {
  const statementsSent = countStatements();
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString: process.env.DATABASE_URL!, schemas: ["public"] })],
    grafserv: { graphiql: false, watch: false, graphqlOverGET: false },
    grafast: { explain: false },
  });
  await pgl.getSchema();
  const serv = pgl.createServ(grafserv);
  // The handler rather than `serv.addTo(server)`: /healthz and /metrics need routes of their own, and the bench needs no websockets.
  const handle = serv.createHandler();
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/healthz") response.writeHead(200).end();
    else if (request.method === "GET" && request.url === "/metrics") response.writeHead(200).end(`db_queries_total ${statementsSent()}\n`);
    else handle(request, response);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.once("SIGTERM", () => server.close(async () => {
    await pgl.release();
    process.exit(0);
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
