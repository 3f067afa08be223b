import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The parts of a V8 `.cpuprofile` (as `--cpu-prof` writes it) that are read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a function's own time goes, by the library or part of Broadsheet
 * its file belongs to: the split the performance issue asks for. First
 * match wins.
 */
const CATEGORIES: [string, RegExp][] = [
  ["GraphQL parsing", /node_modules\/graphql\/language\//],
  [
    "GraphQL validation (graphql-js rules, operation limits and costs)",
    /node_modules\/graphql\/validation\/|node_modules\/@escape\.tech\/graphql-armor|node_modules\/graphql-query-complexity|\/src\/http\/limits\//,
  ],
  ["GraphQL execution (graphql-js or graphql-jit, DataLoader)", /node_modules\/graphql(-jit)?\/|node_modules\/dataloader\//],
  ["type-graphql per field", /node_modules\/type-graphql\//],
  [
    "SQL building (TypeORM's query builder, Broadsheet's SQL)",
    /node_modules\/typeorm\/(query-builder|metadata|find-options|util)\/|\/src\/shared\/pagination\/|\/src\/database\/|\.sql\.js/,
  ],
  [
    "database driver (pg, better-sqlite3, TypeORM's driver) and its socket",
    /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|better-sqlite3|typeorm)\//,
  ],
  [
    "serialization and HTTP (Apollo, Fastify, node:http) and its socket",
    /node_modules\/(@apollo|@as-integrations|fastify|@fastify|find-my-way|avvio|fast-json-stringify|safe-stable-stringify)\//,
  ],
  ["Broadsheet's own code (resolvers, services, hydration)", /\/dist\/src\//],
];

/** Node's own files: their time counts where their caller's does (a socket write is the driver's or HTTP's). */
const NODE_FILE = /^node:|^$/;
const NODE_HTTP = /^node:(_http|http|net|internal\/(http|stream|streams|net))/;

const SPECIAL = new Map([
  ["(garbage collector)", "garbage collection"],
  ["(program)", "V8 and native code outside JavaScript"],
  ["(idle)", "idle"],
]);

const HTTP = CATEGORIES[6][0];
const NODE_INTERNALS = "node internals (event loop, microtasks, module loading)";
const OTHER = "other libraries";

/**
 * A sample stands for the time since the one before it, but for at most
 * this many of the profile's usual intervals: a longer gap means V8's
 * sampling thread did not run (a loaded machine), and the gap belongs to
 * no one function. Without the cap, one 2.5 s gap put 12% of a run on
 * graphql-js's String serializer.
 */
const MAX_INTERVALS_PER_SAMPLE = 10;

/** Share of busy (non-idle) time per category, largest first. */
export function summarizeProfile(profile: CpuProfile): { category: string; share: number }[] {
  const longest = MAX_INTERVALS_PER_SAMPLE * median(profile.timeDeltas);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  /** Each frame's category, and whether a library or Broadsheet frame decided it (then its callees in Node's files inherit it). */
  const known = new Map<number, { category: string; fromCode: boolean }>();
  const categorize = (id: number): { category: string; fromCode: boolean } => {
    const cached = known.get(id);
    if (cached) return cached;
    const { functionName, url } = byId.get(id)!.callFrame;
    const parent = parentOf.get(id);
    let result: { category: string; fromCode: boolean };
    const special = SPECIAL.get(functionName);
    if (special) result = { category: special, fromCode: false };
    else if (!NODE_FILE.test(url)) result = { category: CATEGORIES.find(([, pattern]) => pattern.test(url))?.[0] ?? OTHER, fromCode: true };
    else {
      const caller = parent === undefined ? null : categorize(parent);
      result = caller?.fromCode ? caller : { category: NODE_HTTP.test(url) ? HTTP : NODE_INTERNALS, fromCode: false };
    }
    known.set(id, result);
    return result;
  };
  const time = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { category } = categorize(id);
    time.set(category, (time.get(category) ?? 0) + Math.min(profile.timeDeltas[i], longest));
  });
  time.delete("idle");
  const busy = [...time.values()].reduce((sum, value) => sum + value, 0);
  return [...time.entries()].map(([category, value]) => ({ category, share: value / busy })).sort((a, b) => b.share - a.share);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Every profile in `dir` whose name is not in `before`, summarized as a Markdown list. */
export function summarizeNewProfiles(dir: string, before: Set<string>): string {
  return profilesIn(dir)
    .filter((name) => !before.has(name))
    .map((name) => {
      const lines = summarizeProfile(JSON.parse(readFileSync(join(dir, name), "utf8")) as CpuProfile).map(
        ({ category, share }) => `- ${(share * 100).toFixed(1).padStart(4)}% ${category}`,
      );
      return [`Profile ${join(dir, name)} (share of busy time):`, ...lines].join("\n");
    })
    .join("\n\n");
}

export function profilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  } catch {
    return [];
  }
}
