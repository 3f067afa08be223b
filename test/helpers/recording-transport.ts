import { MailTransport } from "../../src/outbox/mail-transport";
import { Mail } from "../../src/outbox/outbox";

/** A mail transport that keeps what it was given; `failNext` makes the next sends fail, as a flaky server would. */
export class RecordingTransport implements MailTransport {
  readonly sent: Mail[] = [];
  private failures = 0;

  failNext(count: number): void {
    this.failures = count;
  }

  async send(mail: Mail): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error("SMTP server unavailable");
    }
    this.sent.push(mail);
  }

  to(address: string): Mail[] {
    return this.sent.filter((mail) => mail.to === address);
  }
}

/** The token in a mail's link to `path` (`/comments/confirm`, `/comments/unsubscribe`). */
export function tokenIn(mail: Mail, path: string): string {
  const match = new RegExp(`${path}\\?token=([^\\s]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}
