import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { summarizeProfile } from "../bench/profile-summary";

const GRAPHQL = "file:///app/node_modules/graphql/execution/execute.js";
const PG = "file:///app/node_modules/pg/lib/client.js";

/** A profile of one root with a graphql-js frame and a pg frame, sampled as `samples` ([frame, microseconds since the sample before]). */
function profileOf(samples: ["graphql" | "pg" | "idle", number][]) {
  const ids = { graphql: 2, pg: 3, idle: 4 };
  return {
    nodes: [
      { id: 1, callFrame: { functionName: "(root)", url: "" }, children: [2, 3, 4] },
      { id: 2, callFrame: { functionName: "execute", url: GRAPHQL } },
      { id: 3, callFrame: { functionName: "query", url: PG } },
      { id: 4, callFrame: { functionName: "(idle)", url: "" } },
    ],
    samples: samples.map(([frame]) => ids[frame]),
    timeDeltas: samples.map(([, delta]) => delta),
  };
}

const shareOf = (summary: { category: string; share: number }[], prefix: string) => summary.find(({ category }) => category.startsWith(prefix))?.share;

describe("the bench's CPU profile summary", () => {
  test("splits busy time by library, leaving idle time out", () => {
    const summary = summarizeProfile(profileOf([...Array(30).fill(["graphql", 1000]), ...Array(10).fill(["pg", 1000]), ...Array(60).fill(["idle", 1000])]));
    assert.equal(shareOf(summary, "GraphQL execution"), 0.75);
    assert.equal(shareOf(summary, "database driver"), 0.25);
    assert.equal(shareOf(summary, "idle"), undefined);
  });

  test("does not charge a starved sampler's gap to the function it found running after it", () => {
    // One sample taken 2.5 s after the one before it, on a 1 ms interval: counted as 10 intervals, not 2,500.
    const summary = summarizeProfile(profileOf([...Array(90).fill(["graphql", 1000]), ["pg", 2_500_000]]));
    assert.equal(shareOf(summary, "database driver"), 10 / 100);
  });
});
