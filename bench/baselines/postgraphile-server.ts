import { createRequire } from "node:module";
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { countStatements } from "./count-statements";

/**
 * PostGraphile comes from the baseline's own package (see
 * postgraphile-install.ts), which the project's TypeScript cannot see: these
 * are the few parts of its API this file calls.
 */
interface PostGraphileInstance {
  getSchema(): Promise<unknown>;
  createServ(grafserv: unknown): { createHandler(): (request: IncomingMessage, response: ServerResponse) => void };
  release(): Promise<void>;
}
interface PostGraphileApi {
  postgraphile(preset: Record<string, unknown>): PostGraphileInstance;
}

const fromBaseline = createRequire(join(process.env.POSTGRAPHILE_PACKAGE_DIR!, "package.json"));
const { postgraphile } = fromBaseline("postgraphile") as PostGraphileApi;
const { makePgService } = fromBaseline("postgraphile/adaptors/pg") as { makePgService(options: Record<string, unknown>): unknown };
const { grafserv } = fromBaseline("postgraphile/grafserv/node") as { grafserv: unknown };
const { PostGraphileAmberPreset } = fromBaseline("postgraphile/presets/amber") as { PostGraphileAmberPreset: unknown };

/**
 * A user's most likely alternative, on node:http at PORT: PostGraphile 5
 * with its base preset over DATABASE_URL's `public` schema, as one would run
 * it in production: the schema built once at start (no watch), no GraphiQL,
 * no `explain`, the pg pool at node-postgres's default of 10 like the
 * server's. GET /healthz answers 200 once the schema is built; GET /metrics
 * gives `db_queries_total`, the statements sent so far.
 */
async function main(): Promise<void> {
  const statementsSent = countStatements(fromBaseline("pg").Client);
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
  process.once("SIGTERM", () =>
    server.close(async () => {
      await pgl.release();
      process.exit(0);
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
