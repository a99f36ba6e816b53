/** Sending e-mail through the SMTP server of the configuration (nodemailer); none configured: no mailer. */
import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per reminder ("<…@domain>"), so a copy sent again after a crash can be recognised. */
  messageId?: string;
}

export interface Mailer {
  send(m: Mail): Promise<void>;
  close(): void;
}

/** A mailer for an SMTP URL ("smtp://user:pass@host:587", "smtps://host:465"). */
export function smtpMailer(url: string, from: string): Mailer {
  // Pooled: one run's messages share a few connections instead of one each. Bounded waits: one
  // message never holds a sender longer than about two minutes (the outbox lease is longer).
  const u = new URL(url);
  for (const [k, v] of [["pool", "true"], ["connectionTimeout", "30000"], ["socketTimeout", "60000"]] as const) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  const transport = nodemailer.createTransport(u.toString());
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, ...(m.messageId ? { messageId: m.messageId } : {}) });
    },
    close: () => transport.close(),
  };
}

/** The configured mailer, or null when DANVAN_SMTP_URL is unset (reminders stay in the app). */
export function mailerOf(config: Config): Mailer | null {
  return config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl, config.mail.from) : null;
}
