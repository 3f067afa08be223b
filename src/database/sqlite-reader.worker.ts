import { parentPort, workerData } from "node:worker_threads";
import Database, { Statement } from "better-sqlite3";
import type { ReaderReply, ReaderRequest } from "./sqlite-readers";

/** How many statements a reader keeps prepared, as TypeORM's runner does on the main connection. */
const STATEMENT_CACHE_SIZE = 100;

/**
 * One reader thread of `SqliteReaders`: a read-only connection to the
 * database file, answering each statement it is sent with its rows, or
 * with the error's message and SQLite code.
 */
const database = new Database((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
database.pragma("busy_timeout = 5000");
/** Prepared statements by the number of their text, or by the text when it has none. */
const statements = new Map<number | string, Statement>();
/** Every numbered text this thread was sent (see `ReaderRequest`). */
const texts = new Map<number, string>();

function prepared(key: number | string, sql: string): Statement {
  let statement = statements.get(key);
  if (!statement) {
    statement = database.prepare(sql);
    statements.set(key, statement);
    if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as number | string);
  }
  return statement;
}

parentPort?.on("message", ({ id, statement, sql, parameters }: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    if (statement !== undefined && sql !== undefined) texts.set(statement, sql);
    const text = sql ?? texts.get(statement!)!;
    reply = { id, rows: prepared(statement ?? text, text).all(...parameters) };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    reply = { id, error: { message: String(message), code } };
  }
  parentPort?.postMessage(reply);
});
