import nodemailer from 'nodemailer';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
}

/** Hands a message to a mail server; throws a MailSendError when it was not accepted. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  /** Closes kept-open connections (at shutdown). */
  close(): void;
}

export class MailSendError extends Error {
  constructor(
    message: string,
    /** The server refused this message for good (a 5xx answer): retrying cannot help. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}

/**
 * nodemailer over SMTP (SMTP_URL, or the embedded catcher's port), with a
 * small pool of kept-open connections (a new connection per mail took about
 * 250 ms here; see README). A connection the server closed (a restart) is
 * replaced by the pool; a send that failed on it is retried by the queue.
 * Short timeouts: the queue retries, nothing waits.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: 2,
    maxMessages: 500,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(message) {
      try {
        await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          messageId: message.messageId,
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        throw new MailSendError((err as Error).message, typeof code === 'number' && code >= 500 && code < 600);
      }
    },
    close: () => transporter.close(),
  };
}
