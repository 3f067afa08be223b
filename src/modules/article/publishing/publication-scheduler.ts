import { Logger } from "../../../logger";
import { ArticlePublisherService } from "./article-publisher.service";

/**
 * Publishes scheduled articles as they fall due, with no request to trigger
 * it. Every instance runs one; `publishDue` claims each article so that
 * only one of them publishes it.
 */
export class PublicationScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly publisher: ArticlePublisherService,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs === 0) return;
    // unref: a pending tick never keeps the process alive on its own.
    this.timer = setInterval(() => this.tick(), this.intervalMs).unref();
  }

  /** Stops ticking and waits for a tick in flight, so the database can close after it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.running.then(() =>
      this.publisher.publishDue().then(
        (published) => published.length > 0 && this.logger.info({ articles: published.map((a) => a.id) }, "published scheduled articles"),
        (error: unknown) => this.logger.error({ err: error }, "scheduled publishing failed"),
      ),
    );
  }
}
