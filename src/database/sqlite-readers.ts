import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { Counter } from "prom-client";
import { DataSource, QueryFailedError, QueryResult } from "typeorm";
import { Logger } from "../logger";
import { metricsRegistry } from "../metrics";
import { isPostgres } from "./dialect";

/**
 * A statement for a reader thread: its text, or the number of a text the
 * thread was sent before (`statement`, with `sql` the first time), so that
 * a statement of several kilobytes is neither copied to the thread nor
 * hashed there on every run.
 */
export interface ReaderRequest {
  id: number;
  statement?: number;
  sql?: string;
  parameters: unknown[];
}

/** A reader thread's answer: the rows, or what failed (SQLite's message and code). */
export type ReaderReply = { id: number; rows: unknown[] } | { id: number; error: { message: string; code?: string } };

/**
 * A reader's rows live until they are posted: V8's default young generation
 * (32 MB and more) would sit beside the event loop's for nothing.
 */
const READER_LIMITS = { maxYoungGenerationSizeMb: 4 };

/** Statement texts known (numbered, and each thread keeps every text it was sent); later ones go whole, every time. */
const MAX_KNOWN_TEXTS = 1000;

/** A statement text: whether it only reads (a reader thread may run it), and its number once it is known. */
interface KnownText {
  reads: boolean;
  number?: number;
}

const readerStatements = new Counter({
  name: "db_reader_queries_total",
  help: "SQLite statements answered by a reader thread (db_queries_total counts them too, with every other statement).",
  registers: [metricsRegistry],
});

/** The part of TypeORM's better-sqlite3 runner this relies on: one runner serves every statement of the process. */
interface SqliteRunner {
  query(sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown>;
  getStmt(sql: string): Promise<{ reader: boolean }>;
  isTransactionActive: boolean;
}

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
  /** Runs the statement on the main connection instead: what a read does when its thread is gone. */
  fallback(): void;
}

interface Reader {
  thread: Worker;
  pending: Map<number, Pending>;
  /** The numbers of the statement texts this thread was sent. */
  sent: Set<number>;
}

/**
 * Reader threads for a SQLite file. better-sqlite3 runs a statement on the
 * thread that calls it: on the event loop's, every read holds up every
 * other request for as long as it runs (an article page's ranking, 0.4 ms
 * at 5,000 articles and 3.6 ms at 100,000), and the process works on one
 * core. Each reader is a worker thread with its own read-only connection:
 * in WAL mode it reads while the main connection writes, and sees every
 * write committed before its statement starts. A statement goes to the
 * reader with the fewest waiting. A reader that stops is not replaced: its
 * waiting statements, and every later one once none is left, run on the
 * main connection, as without readers.
 */
export class SqliteReaders {
  private readonly readers: Reader[];
  private readonly texts = new Map<string, KnownText>();
  private nextId = 0;
  private stopping = false;

  constructor(file: string, count: number, logger: Logger) {
    this.readers = Array.from({ length: count }, () => this.startReader(file, logger));
  }

  /** Whether a reader is left to take statements. */
  get available(): boolean {
    return this.readers.length > 0;
  }

  /** The threads, for a test that stops one as a fault would. */
  get threads(): Worker[] {
    return this.readers.map((reader) => reader.thread);
  }

  /** What `sql` is, if it was seen before (see `learn`). */
  known(sql: string): KnownText | undefined {
    return this.texts.get(sql);
  }

  /** What `sql` is (whether it only `reads`), kept and numbered while fewer than `MAX_KNOWN_TEXTS` are kept. */
  learn(sql: string, reads: boolean): KnownText {
    // Statements of the same new text learn it at once (each awaited the main connection): one number for all.
    const known = this.texts.get(sql);
    if (known) return known;
    if (this.texts.size >= MAX_KNOWN_TEXTS) return { reads };
    const text = { reads, number: this.texts.size + 1 };
    this.texts.set(sql, text);
    return text;
  }

  /** The rows of `sql` (what `learn` made of it), read on a reader thread; `fallback` runs it on the main connection if that thread stops first. */
  all(sql: string, text: KnownText, parameters: unknown[], fallback: () => Promise<unknown>): Promise<unknown[]> {
    const reader = this.readers.reduce((least, other) => (other.pending.size < least.pending.size ? other : least));
    const id = ++this.nextId;
    const request = this.request(reader, id, sql, text, parameters);
    return new Promise((resolve, reject) => {
      const fallbackRun = () => fallback().then((rows) => resolve(rows as unknown[]), reject);
      reader.pending.set(id, { resolve, reject, fallback: fallbackRun });
      reader.thread.postMessage(request);
    });
  }

  private request(reader: Reader, id: number, sql: string, text: KnownText, parameters: unknown[]): ReaderRequest {
    if (text.number === undefined) return { id, sql, parameters };
    const statement = text.number;
    if (reader.sent.has(statement)) return { id, statement, parameters };
    reader.sent.add(statement);
    return { id, statement, sql, parameters };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.readers.map((reader) => reader.thread.terminate()));
  }

  private startReader(file: string, logger: Logger): Reader {
    const thread = new Worker(join(__dirname, "sqlite-reader.worker.js"), { workerData: { file }, resourceLimits: READER_LIMITS });
    // The process ends when its server does, whatever the readers are doing.
    thread.unref();
    const reader: Reader = { thread, pending: new Map(), sent: new Set() };
    thread.on("message", (reply: ReaderReply) => {
      const pending = reader.pending.get(reply.id);
      if (!pending) return;
      reader.pending.delete(reply.id);
      if ("rows" in reply) {
        readerStatements.inc();
        pending.resolve(reply.rows);
      } else {
        pending.reject(Object.assign(new Error(reply.error.message), { name: "SqliteError", code: reply.error.code }));
      }
    });
    thread.on("error", (err) => logger.error({ err }, "SQLite reader thread failed"));
    thread.on("exit", () => {
      const index = this.readers.indexOf(reader);
      if (index >= 0) this.readers.splice(index, 1);
      if (!this.stopping) logger.warn({ readersLeft: this.readers.length }, "SQLite reader thread stopped: its reads run on the main connection");
      for (const pending of reader.pending.values()) pending.fallback();
      reader.pending.clear();
    });
    return reader;
  }
}

/**
 * Sends `dataSource`'s reads to `count` reader threads (`SqliteReaders`)
 * and returns them, or null where there are none: `count` 0, PostgreSQL,
 * or a database in memory (each connection would open its own). A
 * statement goes to a reader when it only reads and no transaction is open
 * on the main connection: every request shares that one connection, and a
 * transaction's reads must see its own writes. Its count, its log and its
 * errors (QueryFailedError with SQLite's code) are TypeORM's, as on the
 * main connection.
 */
export function readOnReaderThreads(dataSource: DataSource, count: number, logger: Logger): SqliteReaders | null {
  if (count === 0 || isPostgres(dataSource)) return null;
  const file = String(dataSource.options.database);
  if (file === ":memory:") return null;
  const runner = dataSource.driver.createQueryRunner("master") as unknown as SqliteRunner;
  const readers = new SqliteReaders(file, count, logger);
  const query = runner.query.bind(runner);
  runner.query = async (sql, parameters = [], structured = false) => {
    if (runner.isTransactionActive || !readers.available) return query(sql, parameters, structured);
    // A text seen before is not looked up among the main connection's statements again to learn whether it only reads.
    const text = readers.known(sql) ?? readers.learn(sql, (await runner.getStmt(sql)).reader);
    if (!text.reads) return query(sql, parameters, structured);
    // As TypeORM's runner binds them: better-sqlite3 takes no booleans.
    const values = parameters.map((value) => (typeof value === "boolean" ? Number(value) : value));
    dataSource.logger.logQuery(sql, values);
    try {
      const rows = await readers.all(sql, text, values, async () => {
        const result = await query(sql, parameters, true);
        return (result as QueryResult).records;
      });
      if (!structured) return rows;
      // What TypeORM's runner answers for a read asked for a structured result (query builders do).
      return Object.assign(new QueryResult(), { raw: rows, records: rows });
    } catch (error) {
      // Run on the main connection after all (its reader stopped), it failed there as TypeORM reports it.
      if (error instanceof QueryFailedError) throw error;
      dataSource.logger.logQueryError(error as Error, sql, values);
      throw new QueryFailedError(sql, values, error as Error);
    }
  };
  return readers;
}
