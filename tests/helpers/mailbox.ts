/**
 * The mails the app sent, read from the real mail catcher's API (MailDev,
 * started by the Jest global setup, or by an app spawned as `npm start`,
 * whose banner prints its address). Nothing is mocked: the app sends through
 * SMTP, and tests read what arrived.
 */
export interface CaughtMail {
  id: string;
  subject: string;
  to: { address: string; name?: string }[];
  from: { address: string; name?: string }[];
  html: string;
  text: string;
  time: string;
}

export class Mailbox {
  constructor(readonly url: string = process.env.TB_TEST_MAIL_URL ?? '') {
    if (!this.url) throw new Error('No mail catcher: the Jest global setup starts one (TB_TEST_MAIL_URL)');
  }

  /** The mail catcher's address printed in an app's start banner (`Mail: http://localhost:<port>`). */
  static fromBanner(output: string): Mailbox {
    const port = /Mail: http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (!port) throw new Error(`no Mail: line in the banner:\n${output}`);
    return new Mailbox(`http://127.0.0.1:${port}`);
  }

  /** Mails to an address (every mail when none is given), oldest first. */
  async to(address?: string): Promise<CaughtMail[]> {
    const query = address ? `?${new URLSearchParams({ 'to.address': address.toLowerCase() })}` : '';
    const res = await fetch(`${this.url}/api/email${query}`);
    if (!res.ok) throw new Error(`mail catcher answered ${res.status}`);
    const mails = (await res.json()) as CaughtMail[];
    return mails.sort((a, b) => a.time.localeCompare(b.time));
  }

  /** The raw message (headers included). */
  async source(id: string): Promise<string> {
    return (await fetch(`${this.url}/api/email/${id}/source`)).text();
  }

  /** Waits for a mail to an address that the predicate (or subject pattern) accepts. */
  async waitFor(
    address: string,
    match: RegExp | ((mail: CaughtMail) => boolean) = () => true,
    timeoutMs = 15_000,
  ): Promise<CaughtMail> {
    const accepts =
      typeof match === 'function' ? match : (m: CaughtMail) => match.test(m.subject) || match.test(m.text);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.to(address)).filter(accepts).pop();
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = (await this.to(address)).map((m) => m.subject);
        throw new Error(
          `no mail to ${address} matching ${match} within ${timeoutMs} ms (got: ${JSON.stringify(seen)})`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The first link in a mail's plain text that goes to `path` (e.g. '/reset-password'). */
export function linkIn(mail: CaughtMail, path: string): URL {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === path);
  if (!link) throw new Error(`no ${path} link in:\n${mail.text}`);
  return new URL(link);
}

/** The `token` of the first link to `path` in a mail. */
export const tokenIn = (mail: CaughtMail, path: string): string => {
  const token = linkIn(mail, path).searchParams.get('token');
  if (!token) throw new Error(`the ${path} link has no token`);
  return token;
};
