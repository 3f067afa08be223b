import nodemailer, { Transporter } from "nodemailer";
import { Mail } from "./outbox";
import { MailTransport } from "./mail-transport";

/** Mail through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`). */
export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(mail: Mail): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
