import { SpanKind, SpanStatusCode, Tracer, context, trace } from "@opentelemetry/api";
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from "@opentelemetry/semantic-conventions";
import { DataSource, QueryRunner } from "typeorm";

/** The incubating `db.system.name` of SQLite (copied, as the conventions package advises for incubating values). */
const DB_SYSTEM_NAME_VALUE_SQLITE = "sqlite";

const STRING_LITERAL = /'(?:[^']|'')*'/g;
const NUMBER_LITERAL = /(?<![\w$."])-?\d+(?:\.\d+)?(?![\w"])/g;
const OPERATION = /^\s*\(?\s*([A-Za-z]+)/;
const TARGET = /\b(?:FROM|INTO|UPDATE)\s+("[^"]+"|[\w.]+)/i;

/**
 * The shape of a statement: its text with every literal replaced by `?`.
 * Values travel as parameters ($1, ?), which a span never records; literals
 * written into the text (a LIMIT, a status) are replaced too, so no value
 * reaches the tracing system whatever a query builder inlines.
 */
export function statementShape(sql: string): string {
  return sql.replace(STRING_LITERAL, "?").replace(NUMBER_LITERAL, "?").replace(/\s+/g, " ").trim();
}

/**
 * Every statement `dataSource` sends from inside a traced request gets a
 * CLIENT span around it, named `SELECT article` after its operation and
 * first table, carrying its shape. Statements of background work (the
 * scheduler, the outbox, migrations) have no request to belong to and are
 * not traced. TypeORM sends every statement through a query runner's
 * `query`, on both stores, so the runners are wrapped where they are made.
 */
export function traceStatements(dataSource: DataSource, tracer: Tracer): void {
  const system = dataSource.options.type === "postgres" ? DB_SYSTEM_NAME_VALUE_POSTGRESQL : DB_SYSTEM_NAME_VALUE_SQLITE;
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  // The SQLite driver hands out one runner over and over: wrap it once.
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    if (!wrapped.has(runner)) {
      wrapped.add(runner);
      runner.query = tracedQuery(runner.query.bind(runner) as Query, tracer, system) as QueryRunner["query"];
    }
    return runner;
  };
}

/** `QueryRunner.query` without its overloads, which differ only in the result's type. */
type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

function tracedQuery(query: Query, tracer: Tracer, system: string): Query {
  return async (sql, parameters, structured) => {
    const parent = context.active();
    if (!trace.getSpan(parent)?.isRecording()) return query(sql, parameters, structured);
    const operation = OPERATION.exec(sql)?.[1]?.toUpperCase() ?? "SQL";
    const target = TARGET.exec(sql)?.[1]?.replace(/"/g, "");
    const span = tracer.startSpan(
      target ? `${operation} ${target}` : operation,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: system,
          [ATTR_DB_OPERATION_NAME]: operation,
          ...(target && { [ATTR_DB_COLLECTION_NAME]: target }),
          [ATTR_DB_QUERY_TEXT]: statementShape(sql),
        },
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), () => query(sql, parameters, structured));
    } catch (error) {
      // The driver's message may quote values (a duplicate key's): only its code is recorded.
      const code = driverErrorCode(error);
      if (code) span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
      span.setAttribute(ATTR_ERROR_TYPE, code ?? "error");
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  };
}

/** PostgreSQL's SQLSTATE or SQLite's result code, from TypeORM's QueryFailedError or the driver's own error. */
function driverErrorCode(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return typeof found === "string" ? found : undefined;
}
