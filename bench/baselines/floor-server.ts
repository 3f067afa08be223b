import "reflect-metadata";
import { DocumentNode, execute, parse, validate } from "graphql";
import { createDataSource } from "../../ormconfig";
import { createServices } from "../../src/services";
import { loadFloorData } from "./floor-data";
import { floorSchema } from "./floor-schema";
import { serveJson } from "./serve";

/**
 * Baseline (b) over node:http: loads the bench database (DATABASE_URL) into
 * memory, then executes each request with graphql-js. Parsed and validated
 * documents are cached by their text, as Apollo's document store does for
 * the server. The database stays open for one thing only: an article's
 * related-articles ranking, read once by the server's own statement the
 * first time a request asks for it (during the bench's answer check and
 * warm-up), then kept (`floorSchema`).
 */
async function main(): Promise<void> {
  const dataSource = await createDataSource(process.env.DATABASE_URL!).initialize();
  const data = await loadFloorData(dataSource);
  const services = createServices(dataSource);
  const schema = floorSchema(data, services.authors.order, services.readingPath);

  const documents = new Map<string, DocumentNode>();
  const documentOf = (query: string): DocumentNode => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      const errors = validate(schema, document);
      if (errors.length > 0) throw errors[0];
      documents.set(query, document);
    }
    return document;
  };
  serveJson(async (body) => {
    const { query, variables, operationName } = JSON.parse(body);
    const result = await execute({ schema, document: documentOf(query), variableValues: variables, operationName });
    return JSON.stringify(result);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
