import { AddressInfo } from "node:net";
import { createDataSource } from "../ormconfig";
import { DEFAULT_SITEMAP_LIMITS } from "../src/config";
import { createLogger } from "../src/logger";
import { createServer } from "../src/server";
import { peakRss, resetPeakRss } from "./process-usage";

const USAGE = `Usage: DATABASE_URL=<a seeded database> node dist/bench/sitemap-memory.js [--migrate] [--runs N] [--per-sitemap N]
Times GET /sitemap.xml (median and slowest of --runs, 10 unless given), then streams every
child sitemap it lists and reports this process's peak RSS against its idle RSS before.
--migrate applies pending migrations first (without it the database is measured as it is);
--per-sitemap makes children of N URLs (50,000 unless given), so that more of them show whether the peak stays flat.`;

const MB = 1024 * 1024;

/**
 * The sitemaps at scale, in one process (server and client): the index's
 * time, and whether streaming every child keeps memory flat. The client
 * counts the bytes and URLs as they arrive and keeps none of them, so the
 * peak is the server's streaming, not a buffered copy.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url || args.includes("--help")) {
    console.log(USAGE);
    process.exit(url ? 0 : 2);
  }
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
  const perSitemapAt = args.indexOf("--per-sitemap");
  const sitemaps = { ...DEFAULT_SITEMAP_LIMITS, ...(perSitemapAt >= 0 ? { urlsPerSitemap: Number(args[perSitemapAt + 1]) } : {}) };
  const logger = createLogger("silent");
  const dataSource = await createDataSource(url, logger).initialize();
  if (args.includes("--migrate")) await dataSource.runMigrations({ transaction: "each" });
  const server = await createServer({ dataSource, logger, schedulerIntervalMs: 0, sitemaps });
  await server.app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  try {
    const times: number[] = [];
    let children: string[] = [];
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const body = await (await fetch(`${base}/sitemap.xml`)).text();
      // The first request warms the code and the caches: not counted.
      if (run > 0) times.push(performance.now() - started);
      children = [...body.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((match) => match[1]);
    }
    times.sort((a, b) => a - b);
    console.log(
      `GET /sitemap.xml: ${children.length} children, median ${ms(times[Math.floor(times.length / 2)])}, slowest ${ms(times.at(-1)!)} over ${runs} runs`,
    );

    global.gc?.();
    const idle = process.memoryUsage().rss;
    resetPeakRss(process.pid);
    let urls = 0;
    let bytes = 0;
    /** The peak so far after each child (garbage not yet collected included). */
    const peaks: string[] = [];
    /** The live heap after each child, once collected (with --expose-gc): flat when nothing of a child is kept. */
    const live: number[] = [];
    const started = performance.now();
    for (const child of children) {
      const response = await fetch(`${base}${child}`);
      if (response.status !== 200) throw new Error(`${child}: ${response.status}`);
      const decoder = new TextDecoder();
      let tail = "";
      for await (const chunk of response.body!) {
        bytes += chunk.byteLength;
        // Carries the end of a chunk over, so that a `</url>` split between two chunks is counted once.
        const text = tail + decoder.decode(chunk, { stream: true });
        urls += text.split("</url>").length - 1;
        tail = text.slice(-5);
      }
      const peakSoFar = peakRss(process.pid);
      if (global.gc) {
        global.gc();
        live.push(process.memoryUsage().heapUsed);
      }
      peaks.push(`${child.slice("/sitemaps/".length)} ${peakSoFar === null ? "?" : (peakSoFar / MB).toFixed(0)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = peakRss(process.pid);
    console.log(`Streamed ${children.length} children: ${urls} URLs, ${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
    console.log(`Peak RSS (MB) after each child: ${peaks.join(", ")}`);
    if (live.length > 0)
      console.log(
        `Live heap after each child, collected: ${(live[0] / MB).toFixed(1)} MB after the first, ${(live.at(-1)! / MB).toFixed(1)} MB after the last`,
      );
    console.log(
      `RSS idle ${(idle / MB).toFixed(0)} MB, peak while streaming ${peak === null ? "unknown (no /proc)" : `${(peak / MB).toFixed(0)} MB (+${((peak - idle) / MB).toFixed(0)} MB)`}`,
    );
  } finally {
    await server.close();
    await dataSource.destroy();
  }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
