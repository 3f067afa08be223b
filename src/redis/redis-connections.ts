import Redis from "ioredis";
import { Counter, Gauge } from "prom-client";
import { RedisOptions } from "../config";
import { Logger } from "../logger";
import { metricsRegistry } from "../metrics";

/** The longest wait between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 1000;

/** Every set of connections in the process: what `redis_up` reports (tests run several servers in one process). */
const everyConnections = new Set<RedisConnections>();

new Gauge({
  name: "redis_up",
  help: "1 while this instance's Redis connection for the role is ready, 0 while its callers fall back.",
  labelNames: ["connection"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const up = new Map<string, number>();
    for (const connections of everyConnections) {
      for (const [role, ready] of connections.roles()) up.set(role, Math.min(up.get(role) ?? 1, ready ? 1 : 0));
    }
    for (const [role, value] of up) this.set({ connection: role }, value);
  },
});

const redisFallbacks = new Counter({
  name: "redis_fallbacks_total",
  help: "Redis commands that failed or timed out; each caller fell back (local rate counting, no cache, local-only event).",
  labelNames: ["connection"] as const,
  registers: [metricsRegistry],
});

/** The messages a command is rejected with when the connection is known to be down: the command was never sent. */
const NOT_SENT = /enableOfflineQueue options is false|Connection is closed|Redis did not answer in time lately/;

/** Whether a failed command never reached Redis (so nothing it did can have happened there). */
export function neverSent(error: unknown): boolean {
  return error instanceof Error && NOT_SENT.test(error.message);
}

/**
 * Redis clients whose every command is bounded: it answers, or fails within
 * `timeoutMs`. While the first connection is being made, commands wait for
 * it (up to the bound); once a connection is lost, commands fail at once
 * until it is back, so no request waits on a Redis that is known to be down.
 * A connection whose command timed out (a hung server) is a circuit open:
 * commands fail at once, except one probe per bound, whose answer closes
 * it. So a request pays the bound about once per outage, not once per call.
 * Clients reconnect by themselves. One set per server: `/healthz` lists the
 * roles that are not connected.
 */
export class RedisConnections {
  private readonly clients = new Map<Redis, { role: string; circuit: Circuit }>();

  constructor(
    private readonly options: RedisOptions,
    private readonly logger: Logger,
  ) {}

  /** A client for one role ("cache", "rate-limit", "pubsub-publish", …); `disconnect()` it when done. */
  open(url: string, role: string, extra: { autoResubscribe?: boolean } = {}): Redis {
    const client = new Redis(url, {
      ...extra,
      commandTimeout: this.options.timeoutMs,
      connectTimeout: Math.max(this.options.timeoutMs, 1000),
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    });
    const circuit = guard(client, role, this.options.timeoutMs);
    let wasReady = false;
    client.on("ready", () => {
      client.options.enableOfflineQueue = true;
      if (wasReady) this.logger.info({ role }, "redis connection back");
      wasReady = true;
    });
    client.on("close", () => {
      client.options.enableOfflineQueue = false;
      if (wasReady) this.logger.warn({ role }, "redis connection lost: falling back until it is back");
      wasReady = false;
    });
    // Reconnection attempts fail with an error each: the transitions above are what is worth logging.
    client.on("error", (err) => this.logger.debug({ err, role }, "redis connection error"));
    // Its owner disconnecting it is what ends its part in the health reports, whatever state it is in.
    const disconnect = client.disconnect.bind(client);
    client.disconnect = (reconnect?: boolean) => {
      if (!reconnect) this.forget(client);
      disconnect(reconnect);
    };
    this.clients.set(client, { role, circuit });
    everyConnections.add(this);
    return client;
  }

  private forget(client: Redis): void {
    this.clients.delete(client);
    if (this.clients.size === 0) everyConnections.delete(this);
  }

  /** Each role and whether its connection is ready now. */
  *roles(): Iterable<[string, boolean]> {
    for (const [client, { role, circuit }] of this.clients) yield [role, client.status === "ready" && !circuit.open];
  }

  /** The roles whose connection is down: their callers are falling back. */
  degraded(): string[] {
    return [...new Set([...this.roles()].filter(([, ready]) => !ready).map(([role]) => `redis:${role}`))];
  }
}

interface Circuit {
  /** Whether commands fail at once because one timed out lately. */
  open: boolean;
}

/**
 * Counts every command that fails, whoever sent it (each is one fallback of
 * its caller). When one times out, the circuit opens: commands fail at once
 * while a PING, once per bound, asks whether Redis answers again.
 */
function guard(client: Redis, role: string, timeoutMs: number): Circuit {
  const circuit = { open: false };
  let probing = false;
  const send = client.sendCommand.bind(client);
  const probe = () => {
    if (!circuit.open || client.status === "end") return;
    probing = true;
    const answered = client.ping();
    probing = false;
    answered.then(
      () => (circuit.open = false),
      () => setTimeout(probe, timeoutMs).unref(),
    );
  };
  client.sendCommand = ((command: { promise: Promise<unknown>; reject(error: Error): void }, stream?: unknown) => {
    if (circuit.open && !probing) {
      command.reject(new Error("Redis did not answer in time lately"));
      redisFallbacks.inc({ connection: role });
      return command.promise;
    }
    const result = send(command as never, stream as never);
    // A probe that fails is no caller's fallback.
    if (probing) return result;
    command.promise.catch((error: unknown) => {
      redisFallbacks.inc({ connection: role });
      if (circuit.open || !(error instanceof Error) || !/timed out/i.test(error.message)) return;
      circuit.open = true;
      probe();
    });
    return result;
  }) as typeof client.sendCommand;
  // A lost connection fails commands at once by itself (no offline queue); a new one starts closed.
  client.on("ready", () => (circuit.open = false));
  return circuit;
}
