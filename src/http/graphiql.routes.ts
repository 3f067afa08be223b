import { createReadStream } from "node:fs";
import { dirname, join } from "node:path";
import { FastifyInstance } from "fastify";
import { GRAPHQL_PATH } from "./graphql-params";

export const GRAPHIQL_PATH = "/graphiql";

/**
 * GraphiQL as `@graphql-yoga/graphiql` builds it: one prebuilt bundle with
 * React inside, its stylesheet and the Monaco editor's workers, all served
 * from the package itself so the explorer works with no network at all.
 */
const ASSETS_DIR = join(dirname(require.resolve("@graphql-yoga/graphiql/package.json")), "dist");

const ASSETS = new Map<string, { file: string; type: string }>(
  Object.entries({
    "graphiql.js": { file: "yoga-graphiql.umd.js", type: "text/javascript" },
    "graphiql.css": { file: "graphiql.css", type: "text/css" },
    "editor.worker.js": { file: "monacoeditorwork/editor.worker.bundle.js", type: "text/javascript" },
    "graphql.worker.js": { file: "monacoeditorwork/graphql.worker..bundle.js", type: "text/javascript" },
    "json.worker.js": { file: "monacoeditorwork/json.worker.bundle.js", type: "text/javascript" },
  }),
);

const DEFAULT_QUERY = `# Run with ▶ or Ctrl-Enter.
query FrontPage {
  articles(first: 5) {
    totalCount
    nodes { title readingTimeMinutes author { name } category { name } }
  }
}
`;

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Broadsheet · GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_PATH}/graphiql.css" />
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql"></div>
<script>
  globalThis.MonacoEnvironment = {
    getWorker(_id, label) {
      const file = label === "graphql" || label === "json" ? label + ".worker.js" : "editor.worker.js";
      return new Worker("${GRAPHIQL_PATH}/" + file);
    },
  };
</script>
<script src="${GRAPHIQL_PATH}/graphiql.js"></script>
<script>
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById("graphiql"), ${JSON.stringify({
    endpoint: GRAPHQL_PATH,
    title: "Broadsheet",
    query: DEFAULT_QUERY,
  })});
</script>
</body>
</html>
`;

/** `GET /graphiql`: the explorer page and its assets, on the same origin as `/graphql`. */
export function registerGraphiql(app: FastifyInstance): void {
  app.get(GRAPHIQL_PATH, async (_request, reply) => reply.type("text/html; charset=utf-8").send(PAGE));
  app.get<{ Params: { asset: string } }>(`${GRAPHIQL_PATH}/:asset`, async (request, reply) => {
    const asset = ASSETS.get(request.params.asset);
    if (!asset) return reply.code(404).send({ status: "not found" });
    return reply
      .type(asset.type)
      .header("cache-control", "public, max-age=86400")
      .send(createReadStream(join(ASSETS_DIR, asset.file)));
  });
}
