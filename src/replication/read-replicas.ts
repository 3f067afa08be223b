import { Pool, PoolClient, PoolConfig, QueryResult } from "pg";
import { DataSource } from "typeorm";
import { Counter, Gauge } from "prom-client";
import { ReplicaOptions } from "../config";
import { publicDatabaseFault } from "../database/database-faults";
import { runPoolStatements } from "../database/pooled-statements";
import { Logger } from "../logger";
import { metricsRegistry } from "../metrics";
import { DatabaseUnavailableError } from "../shared/errors";
import { currentReadRoute } from "./read-route";
import { PrimaryPositions, parseLsn } from "./replica-lag";

/** PostgreSQL's answer when replaying WAL cancelled a replica's statement (a hot-standby conflict): the primary answers instead. */
const RECOVERY_CONFLICT = /conflict with recovery/i;

const replicaStatements = new Counter({
  name: "db_replica_queries_total",
  help: "SQL statements answered by a read replica (db_queries_total counts them too, with every other statement).",
  labelNames: ["replica"] as const,
  registers: [metricsRegistry],
});

/** Every set of replicas in the process (tests run several servers in one). */
const everyReplicaSet = new Set<ReadReplicas>();

new Gauge({
  name: "db_replica_up",
  help: "1 while the replica takes reads, 0 while it is skipped (down, not a standby, or lagging past REPLICA_MAX_LAG_MS).",
  labelNames: ["replica"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const set of everyReplicaSet) for (const replica of set.replicas) this.set({ replica: replica.name }, replica.healthy ? 1 : 0);
  },
});

new Gauge({
  name: "db_replica_lag_seconds",
  help: "How far behind the primary each replica was at its last check (+Inf while unreachable).",
  labelNames: ["replica"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const set of everyReplicaSet) for (const replica of set.replicas) this.set({ replica: replica.name }, replica.lagMs / 1000);
  },
});

interface Replica {
  /** host:port/database, no credentials: what metrics and /healthz call it. */
  name: string;
  pool: Pool;
  /** One connection for the checks, apart from the reads' (whose statements are counted). */
  checks: Pool;
  healthy: boolean;
  lagMs: number;
}

type Connection = [PoolClient, (error?: Error) => void];

/** The part of TypeORM's PostgreSQL driver this relies on: its read-connection hook and the primary's pool. */
interface ReplicatedDriver {
  master: Pool;
  obtainMasterConnection(): Promise<Connection>;
  obtainSlaveConnection(): Promise<Connection>;
}

const ROUTED = Symbol("routed to a replica");

/**
 * Anonymous reads on PostgreSQL read replicas. TypeORM's replication setting
 * already runs every SELECT that is not in a transaction on a "slave" query
 * runner; this supplies those runners' connections, through the driver's
 * `obtainSlaveConnection`: a replica when the request may read from one
 * (`currentReadRoute`) and one is healthy, the primary otherwise. (TypeORM's
 * own choice is a random replica, healthy or not, and it cannot start while
 * a replica is down; here the pools are ours and open lazily.)
 *
 * A replica is healthy when its last check found it a standby no more than
 * `maxLagMs` behind. A statement that fails on a replica because the replica
 * went away (or a hot-standby conflict cancelled it) runs again on the
 * primary, and the replica is skipped until a check finds it back: reads
 * are idempotent, so no request fails because a replica did.
 */
export class ReadReplicas {
  readonly replicas: Replica[];
  private readonly positions: PrimaryPositions;
  private readonly driver: ReplicatedDriver;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    dataSource: DataSource,
    private readonly options: ReplicaOptions,
    private readonly logger: Logger,
  ) {
    const driverOptions = dataSource.driver.options as { type: string; replication?: unknown; extra?: PoolConfig };
    if (driverOptions.type !== "postgres" || !driverOptions.replication)
      throw new Error("read replicas need a PostgreSQL data source made with replication (createDataSource's replicated)");
    this.driver = dataSource.driver as unknown as ReplicatedDriver;
    this.replicas = options.urls.map((url) => this.replicaAt(url, driverOptions.extra ?? {}));
    this.positions = new PrimaryPositions(options.maxLagMs + 2 * options.checkIntervalMs);
    this.driver.obtainSlaveConnection = () => this.obtainReadConnection();
  }

  /** Checks every replica now and then every `checkIntervalMs`; resolves after the first check. */
  async start(): Promise<void> {
    everyReplicaSet.add(this);
    await this.check();
    let busy = false;
    this.timer = setInterval(() => {
      // A check that hangs (a replica that stopped answering) is not joined by another.
      if (busy) return;
      busy = true;
      this.checking = this.check().finally(() => (busy = false));
    }, this.options.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    everyReplicaSet.delete(this);
    await Promise.all(this.replicas.flatMap((replica) => [replica.pool.end(), replica.checks.end()]));
  }

  /** The replicas being skipped, as `/healthz` lists them. */
  degraded(): string[] {
    return this.replicas.filter((replica) => !replica.healthy).map((replica) => `replica:${replica.name}`);
  }

  private replicaAt(url: string, extra: PoolConfig): Replica {
    const { hostname, port, pathname } = new URL(url);
    const replica: Replica = {
      name: `${hostname}${port ? `:${port}` : ""}${pathname}`,
      pool: new Pool({ ...extra, connectionString: url }),
      checks: new Pool({ ...extra, connectionString: url, max: 1 }),
      healthy: false,
      lagMs: Infinity,
    };
    for (const pool of [replica.pool, replica.checks]) {
      // An idle connection that dies (the replica restarted) is dropped by its pool; without a listener it would crash the process.
      pool.on("error", (err) => this.logger.debug({ err, replica: replica.name }, "idle replica connection lost"));
      runPoolStatements(pool);
    }
    return replica;
  }

  private async obtainReadConnection(): Promise<Connection> {
    const route = currentReadRoute();
    const replica = route?.replicaAllowed ? this.pick() : undefined;
    if (!replica) return this.driver.obtainMasterConnection();
    let client: PoolClient;
    try {
      client = await replica.pool.connect();
    } catch (err) {
      this.skip(replica, err);
      return this.driver.obtainMasterConnection();
    }
    this.routeStatements(client, replica);
    return [client, (error?: Error) => client.release(error)];
  }

  /** Round robin over the healthy replicas. */
  private pick(): Replica | undefined {
    const healthy = this.replicas.filter((replica) => replica.healthy);
    if (healthy.length === 0) return undefined;
    this.next = (this.next + 1) % healthy.length;
    return healthy[this.next];
  }

  private skip(replica: Replica, err: unknown): void {
    if (replica.healthy) this.logger.warn({ err, replica: replica.name }, "replica unavailable: its reads go to the primary");
    replica.healthy = false;
  }

  /**
   * Counts what the replica answers, and sends to the primary a statement
   * the replica could not answer. Done once per pooled client.
   */
  private routeStatements(client: PoolClient, replica: Replica): void {
    const marked = client as PoolClient & { [ROUTED]?: true };
    if (marked[ROUTED]) return;
    marked[ROUTED] = true;
    const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<QueryResult>;
    (client as { query: unknown }).query = async (text: string, values?: unknown[]) => {
      try {
        const result = await query(text, values);
        replicaStatements.inc({ replica: replica.name });
        return result;
      } catch (err) {
        if (!(publicDatabaseFault(err) instanceof DatabaseUnavailableError) && !RECOVERY_CONFLICT.test(String((err as Error)?.message))) throw err;
        this.skip(replica, err);
        return this.driver.master.query(text, values);
      }
    };
  }

  /** Samples the primary's WAL position, then asks each replica how far it has replayed. */
  private async check(): Promise<void> {
    let primary: bigint;
    try {
      const [row] = (await this.driver.master.query("SELECT pg_current_wal_lsn()::text AS lsn")).rows as { lsn: string }[];
      primary = parseLsn(row.lsn);
    } catch (err) {
      // Without the primary there is nothing to compare with: every replica keeps its last verdict.
      this.logger.debug({ err }, "replica check: primary unavailable");
      return;
    }
    this.positions.record(primary, Date.now());
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica)));
  }

  private async checkReplica(replica: Replica): Promise<void> {
    let lagMs = Infinity;
    try {
      const [row] = (await replica.checks.query("SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed")).rows as {
        standby: boolean;
        replayed: string | null;
      }[];
      // A server that is not a standby (promoted, or the wrong URL) does not follow the primary.
      if (row.standby && row.replayed) lagMs = this.positions.lagOf(parseLsn(row.replayed), Date.now());
    } catch (err) {
      this.logger.debug({ err, replica: replica.name }, "replica check failed");
    }
    const healthy = lagMs <= this.options.maxLagMs;
    if (healthy && !replica.healthy) this.logger.info({ replica: replica.name, lagMs }, "replica takes reads");
    if (!healthy && replica.healthy) this.logger.warn({ replica: replica.name, lagMs }, "replica skipped: its reads go to the primary");
    replica.healthy = healthy;
    replica.lagMs = lagMs;
  }
}
