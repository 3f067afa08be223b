import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Logger } from "../logger";
import { Mail } from "./outbox";

/** How the delivery worker hands a mail on. A rejection means "not sent": the worker retries later. */
export interface MailTransport {
  send(mail: Mail): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Development without a mail server: each mail is appended as one JSON
 * line to `path` and logged, so the confirm and unsubscribe links can be
 * followed by hand.
 */
export class FileMailTransport implements MailTransport {
  constructor(
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  async send(mail: Mail): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, JSON.stringify({ ...mail, at: new Date().toISOString() }) + "\n");
    this.logger.info({ to: mail.to, subject: mail.subject, file: this.path }, "mail written to file (no SMTP_URL)");
  }
}
