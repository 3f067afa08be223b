/** Where outgoing mail goes (`SMTP_URL`, `MAIL_FROM`, `MAIL_FILE`) and how often the outbox is polled (`OUTBOX_POLL_MS`). */
export interface MailSettings {
  smtpUrl?: string;
  from: string;
  /** The log/file transport's file when there is no SMTP server. */
  file: string;
  /** 0: no polling; the outbox is still delivered right after each commit that fills it. */
  pollMs: number;
  /** false (`OUTBOX_DELIVERY=off`): this instance only queues; another instance or process delivers. */
  deliver: boolean;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  from: "Broadsheet <no-reply@localhost>",
  file: "./data/mail.log",
  pollMs: 0,
  deliver: true,
};

export function loadMailSettings(env: NodeJS.ProcessEnv): MailSettings {
  const pollMs = Number(env.OUTBOX_POLL_MS ?? 5000);
  if (!Number.isInteger(pollMs) || pollMs < 0) throw new Error(`OUTBOX_POLL_MS must be a non-negative integer, got "${env.OUTBOX_POLL_MS}"`);
  return {
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM || DEFAULT_MAIL_SETTINGS.from,
    file: env.MAIL_FILE || DEFAULT_MAIL_SETTINGS.file,
    pollMs,
    deliver: env.OUTBOX_DELIVERY !== "off",
  };
}
