import { readFileSync } from "node:fs";
import { serveJson } from "./serve";

/**
 * Baseline (a), the limit: each workload's real response, fetched once from
 * the real server, answered from memory to the same request body. Nothing
 * can serve these bytes over node:http faster than this.
 * BENCH_RESPONSES names a JSON file of [requestBody, responseBody] pairs.
 */
const responses = new Map<string, string>(JSON.parse(readFileSync(process.env.BENCH_RESPONSES!, "utf8")));
serveJson((body) => responses.get(body) ?? null);
