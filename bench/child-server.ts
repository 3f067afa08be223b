import { ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** An HTTP server the bench runs in a process of its own, so that it never shares a core's event loop with the load generator. */
export interface ChildServer {
  name: string;
  baseUrl: string;
  pid: number;
  /** The Node.js version it runs on ("v22.23.5"). */
  node: string;
  stop(): Promise<void>;
}

export interface ChildSpec {
  name: string;
  /** A compiled entry point, relative to the repository root. */
  script: string;
  env: Record<string, string>;
  /** The Node.js binary to run it on; the bench's own by default. */
  execPath?: string;
  nodeArgs?: string[];
  /** Answers 200 once the server can take the load. */
  readyPath: string;
}

// The floor loads every row into memory: minutes at 100k articles when other work shares the cores.
const READY_TIMEOUT_MS = 600_000;
const POLL_MS = 200;

/** Starts `spec.script` on a free port (passed as PORT) and waits until `readyPath` answers 200. */
export async function startChild(spec: ChildSpec): Promise<ChildServer> {
  const port = await freePort();
  const execPath = spec.execPath ?? process.execPath;
  const child = spawn(execPath, [...(spec.nodeArgs ?? []), spec.script], {
    env: { ...process.env, ...spec.env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${baseUrl}${spec.readyPath}`, spec.name);
  return { name: spec.name, baseUrl, pid: child.pid!, node: nodeVersion(execPath), stop: () => stopChild(child) };
}

function nodeVersion(execPath: string): string {
  return execPath === process.execPath ? process.version : spawnSync(execPath, ["--version"], { encoding: "utf8" }).stdout.trim();
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, "close");
  return port;
}

async function waitUntilReady(child: ChildProcess, url: string, name: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000}s`);
}

/** SIGTERM, so that the server drains and a --cpu-prof profile gets written. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}
