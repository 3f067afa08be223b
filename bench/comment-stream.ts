import "reflect-metadata";
import { ArticleStatus } from "../src/modules/article/article-status";
import { Article } from "../src/modules/article/article.entity";
import { prepareBenchDatabase, withDataSource } from "./bench-database";
import { ChildServer, startChild } from "./child-server";
import { drive, LoadResult } from "./load";
import { BenchOptions, parseBenchOptions, runCommand } from "./options";
import { serverSpec } from "./targets";
import { buildWorkloads } from "./workloads";

const USAGE =
  "Usage: npm run bench:comments -- [--db sqlite|postgres] [--articles N] [--duration S] [--connections N]\n" +
  "A busy comment section: one approved comment a second on the W4 article while readers read the front page\n" +
  "and the pages of its 20 articles. Runs the server uncached, with the memory cache and with the Redis cache\n" +
  "(REDIS_URL, default redis://127.0.0.1:6379) and reports reads/s and the response cache's hit ratio.";

/** Seconds each configuration is driven: long enough for a stream of comments at one a second. */
const DEFAULT_SECONDS = 15;
const PAGES = 20;
const WRITE_INTERVAL_MS = 1000;

interface Reads {
  feed: string;
  pages: string[];
  comment: string;
}

/** The front page (W1), the pages of the articles on it (W4's operation), and W5's comment on the W4 article. */
async function readsOf(databaseUrl: string): Promise<Reads> {
  return withDataSource(databaseUrl, async (dataSource) => {
    const workloads = await buildWorkloads(dataSource);
    const byName = (name: string) => workloads.find((workload) => workload.name === name)!;
    const page = JSON.parse(byName("W4").body) as { variables: { slug: string } };
    const front = await dataSource
      .getRepository(Article)
      .find({ where: { status: ArticleStatus.PUBLISHED }, order: { publishedAt: "DESC", id: "DESC" }, take: PAGES, select: { id: true, slug: true } });
    const pages = front.map((article) => JSON.stringify({ ...page, variables: { slug: article.slug } }));
    const comment = byName("W5").mix!.find((body) => body.includes("AddComment"))!;
    return { feed: byName("W1").body, pages, comment };
  });
}

async function counter(server: ChildServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, "m").exec(text)?.[1] ?? 0);
}

interface StreamResult {
  cache: string;
  load: LoadResult;
  comments: number;
  /** Hits over cache lookups of reads (the comments' lookups, always misses, left out); null uncached. */
  hitRatio: number | null;
}

/** Drives readers on `server` while a comment is posted every second; the comments must all be accepted. */
async function stream(server: ChildServer, cache: string, reads: Reads, seconds: number, connections: number): Promise<StreamResult> {
  const [hits, misses] = [await counter(server, "response_cache_hits_total"), await counter(server, "response_cache_misses_total")];
  let comments = 0;
  const post = async () => {
    const response = await fetch(`${server.baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: reads.comment });
    const answer = (await response.json()) as { data?: { addComment?: { comment?: { status: string } } } };
    if (answer.data?.addComment?.comment?.status !== "APPROVED") throw new Error(`a comment was not approved: ${JSON.stringify(answer)}`);
    comments++;
  };
  const writes: Promise<void>[] = [];
  const timer = setInterval(() => writes.push(post()), WRITE_INTERVAL_MS);
  const bodies = reads.pages.flatMap((page) => [reads.feed, page]);
  let load: LoadResult;
  try {
    load = await drive({ url: `${server.baseUrl}/graphql`, bodies, seconds, connections });
  } finally {
    clearInterval(timer);
    await Promise.all(writes);
  }
  const lookups = (await counter(server, "response_cache_hits_total")) - hits + ((await counter(server, "response_cache_misses_total")) - misses) - comments;
  const hitRatio = cache === "off" ? null : ((await counter(server, "response_cache_hits_total")) - hits) / lookups;
  return { cache, load, comments, hitRatio };
}

async function main(argv: string[]): Promise<void> {
  const options: BenchOptions = parseBenchOptions(argv);
  const seconds = argv.includes("--duration") ? options.duration : DEFAULT_SECONDS;
  const databaseUrl = await prepareBenchDatabase(options);
  const reads = await readsOf(databaseUrl);
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const configurations: [string, Record<string, string>][] = [
    ["off", { RESPONSE_CACHE: "off" }],
    ["memory", { RESPONSE_CACHE: "memory" }],
    ["redis", { RESPONSE_CACHE: "redis", REDIS_URL: redisUrl }],
  ];
  const results: StreamResult[] = [];
  for (const [cache, env] of configurations) {
    const server = await startChild(serverSpec("server", databaseUrl, true, false, env));
    try {
      // Warms the caches and the pools as the main bench's warm-up does.
      await drive({ url: `${server.baseUrl}/graphql`, bodies: [reads.feed, ...reads.pages], seconds: 2, connections: options.connections });
      results.push(await stream(server, cache, reads, seconds, options.connections));
    } finally {
      await server.stop();
    }
  }
  const uncached = results[0].load.requestsPerSecond;
  console.log(`\nnpm run bench:comments -- ${argv.join(" ")}`);
  console.log(`${options.db}, ${options.articles} articles, ${options.connections} connections, ${seconds} s each, one approved comment a second\n`);
  console.log("| response cache | reads/s | × uncached | p99 ms | comments | hit ratio |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const { cache, load, comments, hitRatio } of results) {
    const ratio = (load.requestsPerSecond / uncached).toFixed(1);
    const hit = hitRatio === null ? "—" : `${(hitRatio * 100).toFixed(1)}%`;
    console.log(`| ${cache} | ${load.requestsPerSecond.toFixed(0)} | ${ratio}× | ${load.p99} | ${comments} | ${hit} |`);
    if (load.failures > 0) console.log(`  (${load.failures} failed requests)`);
  }
}

runCommand(() => main(process.argv.slice(2)), USAGE);
