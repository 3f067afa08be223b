import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { printContract } from "./schema";

/** `npm run schema`: rewrites the contract on purpose, after a reviewed change. */
writeFileSync(join(__dirname, "..", "..", "schema.graphql"), printContract());
