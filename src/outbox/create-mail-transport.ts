import { MailSettings } from "../config";
import { Logger } from "../logger";
import { FileMailTransport, MailTransport } from "./mail-transport";
import { SmtpMailTransport } from "./smtp-transport";

/** nodemailer over SMTP when `SMTP_URL` is set; else the log/file transport. */
export function createMailTransport(settings: MailSettings, logger: Logger): MailTransport {
  return settings.smtpUrl ? new SmtpMailTransport(settings.smtpUrl, settings.from) : new FileMailTransport(settings.file, logger);
}
