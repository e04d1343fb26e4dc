import { BackgroundLoop } from '../background/loop';
import { claimById } from '../claim';
import { isDuplicateKey } from '../db';
import type { Logger } from '../logger';
import { type MailLogModel, type MailQueueModel, mailId, type QueuedMail } from './model';
import { MailSendError, type MailTransport } from './transport';

/** A mail to send: rendered, addressed, and keyed (one mail per key, ever). */
export interface OutgoingMail {
  /** Deterministic: the same key is one mail, however often it is queued (a retried event, several instances). */
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Not before this moment (a scheduled check, e.g. "still unread after a few minutes"). */
  sendAfter?: Date;
  /**
   * A mail someone is waiting for (address verification, password reset, an invitation): due "since ever",
   * so it goes out ahead of any backlog of notification mails (the queue sends the earliest due first).
   */
  awaited?: boolean;
  /** A check run just before sending (registered with `guard`): the mail is dropped when it answers false. */
  guard?: { name: string; arg: unknown };
}

/** What the app's code sees of mail: queue it and return at once. */
export interface Mailer {
  /** Stores the mail for sending; resolves true when it was queued now, false when its key was queued before. */
  enqueue(mail: OutgoingMail): Promise<boolean>;
}

/** A claimed send attempt left unfinished this long (its instance died) is taken over. */
const CLAIM_TIMEOUT_MS = 60_000;
/** After this many failed attempts (about a day of back-off) a mail is given up, and logged as such. */
const MAX_ATTEMPTS = 100;
const LOG_DAYS = 30;
/** Mails due now claimed from one read of the queue. */
const DUE_BATCH = 50;
/** The whole queue is read at most this often (a mail this instance queued is claimed at once, by `_id`). */
const READ_EVERY_MS = 1_000;
/** A wake-up for a mail due now comes at least this late (never a tight loop over a mail it cannot take). */
const MIN_WAKE_MS = 250;

/** 5 s doubling per failed attempt, at most 15 minutes: a mail server outage of hours loses nothing. */
export const mailBackoffMs = (attempts: number) => Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/**
 * The persistent mail queue. `enqueue` only writes the mail (a request never
 * waits for a mail server); a BackgroundLoop sends due mails, retrying with
 * back-off while the server is away, so an outage or a crash loses no mail
 * (the mail is in the database until the server accepted it). Several
 * instances share the queue: each attempt is claimed once, and a mail that
 * was sent is remembered by its id, so it is not sent again.
 */
export class MailQueue implements Mailer {
  private readonly loop: BackgroundLoop;
  private readonly guards = new Map<string, (arg: unknown) => Promise<boolean>>();
  private nextWake: NodeJS.Timeout | undefined;
  private prunedAt = 0;
  /** Mails this instance queued to go now, oldest first: claimed by `_id`, without reading the queue. */
  private readonly waiting: string[] = [];
  /** Of those, mails someone is waiting for (a verification link): sent first. */
  private readonly awaited: string[] = [];
  /** When the whole queue was last read (due mails of other instances, retries, scheduled ones). */
  private readAt = 0;

  constructor(
    private readonly queue: MailQueueModel,
    private readonly mailLog: MailLogModel,
    private readonly transport: MailTransport,
    private readonly from: string,
    private readonly log: Logger,
    options: { pollMs?: number } = {},
  ) {
    this.loop = new BackgroundLoop({
      name: 'mail sending',
      log,
      pollMs: options.pollMs ?? 10_000,
      pass: () => this.pass(),
    });
  }

  /** Registers a check for mails queued with `guard: { name }` (e.g. "the message is still unread"). */
  guard(name: string, check: (arg: unknown) => Promise<boolean>): void {
    this.guards.set(name, check);
  }

  async enqueue(mail: OutgoingMail): Promise<boolean> {
    const id = mailId(mail.key);
    if (await this.mailLog.exists({ _id: id })) return false;
    try {
      await this.queue.create({
        _id: id,
        key: mail.key,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers ?? {},
        sendAfter: mail.awaited ? new Date(0) : (mail.sendAfter ?? new Date()),
        guard: mail.guard ?? null,
      });
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
    const delay = (mail.sendAfter?.getTime() ?? 0) - Date.now();
    if (delay > 0) this.wakeAt(delay);
    else {
      // A mail someone is waiting for (a verification link) goes before the others, as its sendAfter says.
      (mail.awaited ? this.awaited : this.waiting).push(id);
      this.loop.wake();
    }
    return true;
  }

  private wakeAt(delayMs: number): void {
    clearTimeout(this.nextWake);
    this.nextWake = setTimeout(() => this.loop.wake(), Math.min(delayMs + 20, 2 ** 31 - 1));
    this.nextWake.unref?.();
  }

  /** scan (background, at most once a second): the ids of the mails due now that nobody is sending. */
  private async due(): Promise<string[]> {
    const now = new Date();
    const mails = await this.queue
      .find(
        {
          failedAt: null,
          sendAfter: { $lte: now },
          $or: [{ claimedAt: null }, { claimedAt: { $lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) } }],
        },
        { _id: 1 },
      )
      .sort({ sendAfter: 1 })
      .limit(DUE_BATCH)
      .lean<Pick<QueuedMail, '_id'>[]>();
    return mails.map((m) => m._id);
  }

  /**
   * Claims a mail for one attempt by `_id` (see claimById), then records the
   * attempt. Null when the mail is gone, failed, not due or being sent.
   */
  private async claim(id: string): Promise<QueuedMail | null> {
    const mail = await claimById(
      this.queue,
      id,
      CLAIM_TIMEOUT_MS,
      (m, now) => !m.failedAt && new Date(m.sendAfter).getTime() <= now.getTime(),
    );
    if (!mail) return null;
    // One instance per attempt, whatever the engine's find-and-modify guarantees: a unique claim record.
    try {
      await this.mailLog.create({ _id: `claim:${mail._id}:${mail.attempts}`, outcome: 'claim', at: new Date() });
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
    return mail;
  }

  private async finish(mail: QueuedMail, outcome: 'sent' | 'skipped'): Promise<void> {
    await this.mailLog.create({ _id: mail._id, outcome, at: new Date() }).catch((err) => {
      if (!isDuplicateKey(err)) throw err;
    });
    await this.queue.deleteOne({ _id: mail._id });
  }

  private async deliver(mail: QueuedMail): Promise<void> {
    if (await this.mailLog.exists({ _id: mail._id })) {
      // Sent by another instance whose delete did not land: never twice.
      await this.queue.deleteOne({ _id: mail._id });
      return;
    }
    if (mail.guard) {
      const check = this.guards.get(mail.guard.name);
      if (!check) throw new Error(`no mail guard named ${mail.guard.name}`);
      if (!(await check(mail.guard.arg))) return this.finish(mail, 'skipped');
    }
    try {
      await this.transport.send({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers ?? {},
        messageId: `<${mail._id}@${domainOf(this.from)}>`,
      });
    } catch (err) {
      const permanent = err instanceof MailSendError && err.permanent;
      const message = (err as Error).message.slice(0, 1000);
      if (permanent || mail.attempts >= MAX_ATTEMPTS) {
        this.log.error({ mailId: mail._id, to: mail.to, err: message }, 'mail given up');
        await this.queue.updateOne({ _id: mail._id }, { $set: { failedAt: new Date(), lastError: message } });
        return;
      }
      const delay = mailBackoffMs(mail.attempts);
      this.log.warn({ mailId: mail._id, attempts: mail.attempts, retryInMs: delay, err: message }, 'mail deferred');
      await this.queue.updateOne(
        { _id: mail._id },
        { $set: { claimedAt: null, sendAfter: new Date(Date.now() + delay), lastError: message } },
      );
      return;
    }
    await this.finish(mail, 'sent');
  }

  /** Sends the mails this instance queued to go now, claimed by `_id`. */
  private async sendWaiting(): Promise<void> {
    for (let id = this.nextWaiting(); id !== undefined; id = this.nextWaiting()) {
      const mail = await this.claim(id);
      if (mail) await this.deliver(mail);
    }
  }

  private nextWaiting(): string | undefined {
    return this.awaited.shift() ?? this.waiting.shift();
  }

  private async pass(): Promise<boolean> {
    await this.sendWaiting();
    // The whole queue, at most once a second (other instances' mails, retries, scheduled ones).
    const since = Date.now() - this.readAt;
    if (since < READ_EVERY_MS) {
      this.wakeAt(READ_EVERY_MS - since);
      return false;
    }
    this.readAt = Date.now();
    for (let ids = await this.due(), claimed = 1; ids.length && claimed; ids = await this.due()) {
      claimed = 0;
      for (const id of ids) {
        // Mails queued here meanwhile (a verification link someone waits for) first.
        await this.sendWaiting();
        const mail = await this.claim(id);
        if (!mail) continue;
        claimed += 1;
        await this.deliver(mail);
      }
    }
    // The next mail due that nobody is sending (a claimed one, its instance gone, is taken over by the poll).
    const next = await this.queue
      .findOne({ failedAt: null, claimedAt: null }, { sendAfter: 1 })
      .sort({ sendAfter: 1 })
      .lean<Pick<QueuedMail, 'sendAfter'>>();
    if (next) this.wakeAt(Math.max(MIN_WAKE_MS, new Date(next.sendAfter).getTime() - Date.now()));
    if (Date.now() - this.prunedAt > 86_400_000) {
      this.prunedAt = Date.now();
      await this.mailLog.deleteMany({ at: { $lt: new Date(Date.now() - LOG_DAYS * 86_400_000) } });
    }
    return false;
  }

  /** Resolves once no mail is due (tests, scripts, shutdown); mails scheduled later do not count. */
  async settled(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.loop.run().catch(() => undefined);
      const due = await this.queue.exists({ failedAt: null, sendAfter: { $lte: new Date() } });
      if (!due) return;
      if (Date.now() > deadline) throw new Error('mail did not settle in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends what is due now (tests and scripts, without the loop started). */
  run(): Promise<void> {
    return this.loop.run();
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    clearTimeout(this.nextWake);
    await this.loop.stop();
  }

  /** Stops and closes the mail server connections (the app is shutting down). */
  async close(): Promise<void> {
    await this.stop();
    this.transport.close();
  }
}

function domainOf(from: string): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? 'techbridge.local';
}
