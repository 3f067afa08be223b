import autocannon from "autocannon";

/** One fixed-time run of one workload against one target. */
export interface LoadResult {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Answers received within the run. */
  requests: number;
  /** Requests sent, counting those still in flight when the run stopped (the server answers them all the same). */
  sent: number;
  /** Connection errors, timeouts and non-2xx answers: any makes the run suspect. */
  failures: number;
}

export interface LoadSpec {
  url: string;
  /** What each connection POSTs, in turn (one body: the same request every time). */
  bodies: string[];
  seconds: number;
  connections: number;
}

/** Drives `url` with POSTs of `bodies` on `connections` keep-alive connections for `seconds`. */
export async function drive({ url, bodies, seconds, connections }: LoadSpec): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: bodies.map((body) => ({ method: "POST", body })),
    duration: seconds,
    connections,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    sent: result.requests.sent,
    failures: result.errors + result.non2xx,
  };
}
