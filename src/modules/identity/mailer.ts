// Outgoing email (invitations, password resets) over SMTP with nodemailer.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export type SmtpConfig = {
  host?: string | undefined;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
  /** Accept a self-signed server certificate (a local relay); never for a public relay. */
  allowSelfSigned: boolean;
};

/** A file sent with the mail (an invoice or receipt PDF); nodemailer encodes it as a MIME part. */
export type MailAttachment = { filename: string; content: Buffer; contentType: string };

export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

export interface Mailer {
  /** false when no SMTP server is configured (the mail is not sent; the caller says so). */
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(config: SmtpConfig, log: Logger): Mailer {
  if (!config.host) {
    return {
      configured: false,
      async send(mail) { log.warn({ to: mail.to, subject: mail.subject }, 'smtp.host is not configured: mail not sent'); },
      close() {},
    };
  }
  const transport: Transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    tls: { rejectUnauthorized: !config.allowSelfSigned },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.attachments ? { attachments: mail.attachments } : {}) });
    },
    close() { transport.close(); },
  };
}
