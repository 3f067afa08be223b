import type { Transporter } from "nodemailer";
import { Mail } from "./outbox";
import { MailTransport } from "./mail-transport";

/**
 * Mail through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`).
 * nodemailer is loaded with the first mail sent: a process that sends none never holds it.
 */
export class SmtpMailTransport implements MailTransport {
  private transporter?: Promise<Transporter>;

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {}

  async send(mail: Mail): Promise<void> {
    this.transporter ??= import("nodemailer").then((nodemailer) => nodemailer.createTransport(this.url));
    await (await this.transporter).sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async close(): Promise<void> {
    (await this.transporter)?.close();
  }
}
