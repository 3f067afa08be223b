import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { AddressInfo, createServer } from "node:net";

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A redis-server of the test's own, a child process on a free port, that the
 * test may stop, restart and freeze: the shared Redis on 6379 is never
 * touched. Nothing is saved to disk.
 */
export class OwnRedis {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port (empty: it saved nothing); nothing to do while it runs. */
  async restart(): Promise<void> {
    if (this.process && this.process.exitCode === null) return;
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    this.process = child;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output}`)));
    });
    child.stdout!.resume();
  }

  /** Stops the server as a crash would look to its clients: every connection closes. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    this.thaw(child);
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }

  /** A hung server: connections stay open, nothing is answered, until `thaw()`. */
  freeze(): void {
    this.process?.kill("SIGSTOP");
  }

  thaw(child = this.process): void {
    child?.kill("SIGCONT");
  }
}
