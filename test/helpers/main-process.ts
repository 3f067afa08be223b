import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";

const MAIN = join(__dirname, "..", "..", "src", "main.js");

export interface RunningMain {
  process: ChildProcess;
  baseUrl: string;
  /** Every log line so far, parsed. */
  logs: Record<string, unknown>[];
}

/** The plain line that ends `npm start`'s start-up, for people and for scripts. */
export const SERVING_LINE = /^Broadsheet serving http:\/\/localhost:(\d+)\/graphql/;

/** Starts `node dist/src/main.js` as `npm start` does and waits for its "Broadsheet serving" line; keeps reading its JSON log. */
export async function startMain(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningMain> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", DEMO_ARTICLES: "30", LOG_LEVEL: "info", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logs: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const serving = SERVING_LINE.exec(line);
      if (serving) resolve({ process: child, baseUrl: `http://127.0.0.1:${serving[1]}`, logs });
      else logs.push(JSON.parse(line) as Record<string, unknown>);
    });
    child.once("exit", () => reject(new Error("the server exited before serving")));
  });
}

/** Resolves with the exit code once the process has exited. */
export async function exitCodeOf(running: RunningMain): Promise<number | null> {
  if (running.process.exitCode !== null) return running.process.exitCode;
  const [code] = await once(running.process, "exit");
  return code as number | null;
}

export async function stopWith(running: RunningMain, signal: NodeJS.Signals): Promise<number | null> {
  running.process.kill(signal);
  return exitCodeOf(running);
}
