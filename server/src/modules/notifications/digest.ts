import type { MailKind, NotificationType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { BackgroundLoop } from '../../platform/background/loop';
import { composeMail } from '../../platform/mail/render';
import type { User } from '../accounts/model';
import { isEmailVerified } from '../accounts/policy';
import { accountStore } from '../accounts/store';
import { dealStore } from '../deals/store';
import { recentWeakMatches } from '../matching/announcement';
import { mailStore } from './mail.store';
import { unsubscribeLinks } from './mailNotify';
import {
  type DigestSection,
  describe,
  digestMail,
  digestTitles,
  mailKindOf,
  notificationPath,
  stageName,
} from './mails';
import { notificationStore } from './store';

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in Vietnam (UTC+7, no daylight saving), e.g. "2026-03-15". */
export const vnDay = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
const vnHour = (at: Date) => new Date(at.getTime() + VN_OFFSET_MS).getUTCHours();

type DigestUser = Pick<User, '_id' | 'email' | 'name' | 'locale' | 'organizationId' | 'status' | 'emailVerifiedAt'>;

/**
 * The day's digest of one user: the notifications of the last day in the
 * kinds they set to "daily digest"; the organisation's weaker matches of the
 * day (listed in the app, never pushed: the digest is how they reach the
 * user, unless match mail is off); and its open deals when deal mail goes to
 * the digest. Queued under
 * `digest:<user>:<day>`: however many instances (or restarts) prepare it,
 * it is one mail. Resolves true when a mail was queued now.
 */
export async function mailDigest(ctx: AppContext, user: DigestUser, day: string, now = new Date()): Promise<boolean> {
  if (user.status !== 'active' || !isEmailVerified(user)) return false;
  const id = String(user._id);
  const preferences = await mailStore(ctx.db).preferencesOf(id);
  const digestKinds = new Set((Object.keys(preferences) as MailKind[]).filter((k) => preferences[k] === 'digest'));
  if (!digestKinds.size) return false;
  const lang = user.locale === 'en' ? 'en' : 'vi';
  const base = ctx.config.publicUrl;
  const since = now.getTime() - DAY_MS;
  const { items } = await notificationStore(ctx.db).inbox(id);
  const byKind = new Map<string, DigestSection['items']>();
  for (const n of items.reverse()) {
    const type = n.type as NotificationType;
    const kind = mailKindOf[type];
    if (!kind || !digestKinds.has(kind) || new Date(n.createdAt).getTime() < since) continue;
    const data = (n.data ?? {}) as Record<string, unknown>;
    const line = describe(lang, type, data);
    byKind.set(kind, [...(byKind.get(kind) ?? []), { ...line, url: `${base}${notificationPath(type, data)}` }]);
  }
  const sections: DigestSection[] = [...byKind].map(([kind, list]) => ({
    title: digestTitles[lang][kind as MailKind],
    items: list.slice(0, 20),
  }));
  if (preferences.matches !== 'off' && user.organizationId) {
    const weak = await recentWeakMatches(ctx, String(user.organizationId), new Date(since));
    if (weak.length)
      sections.push({
        title: digestTitles[lang].weakMatches,
        items: weak.slice(0, 10).map((side) => ({
          ...describe(lang, 'match.new', {
            listingTitle: side.own.title,
            counterpartTitle: side.other.title,
            counterpartOrganization: side.other.organization.name,
            score: side.match.score,
          }),
          url: `${base}/matches`,
        })),
      });
  }
  if ((digestKinds.has('dealUpdates') || digestKinds.has('dealMessages')) && user.organizationId) {
    const open = (await dealStore(ctx.db).ofOrganization(String(user.organizationId)))
      .filter((d) => d.stage !== 'won' && d.stage !== 'lost')
      .sort((a, b) => new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime());
    const active = open.some((d) => new Date(d.updatedAt).getTime() >= since);
    if (open.length && (active || sections.length))
      sections.push({
        title: digestTitles[lang].openDeals,
        items: open.slice(0, 10).map((d) => ({
          title: stageName(lang, d.stage),
          detail: new Date(d.updatedAt).toISOString().slice(0, 10),
          url: `${base}/deals/${d._id}`,
        })),
      });
  }
  if (!sections.length) return false;
  const content = digestMail(lang, user.name, sections, unsubscribeLinks(ctx, id, 'digest'));
  return ctx.mail.enqueue(await composeMail(`digest:${id}:${day}`, user.email, content));
}

/**
 * The daily digest, on the one BackgroundLoop: from the configured hour on
 * (Vietnam time), a pass goes through every active user once per day; a day
 * that went through is recorded and skipped after. A restart or a second
 * instance runs the day again at worst, and every mail's key is per user and
 * day, so nobody gets two.
 */
export class DigestWorker {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ctx: AppContext,
    options: { pollMs?: number } = {},
  ) {
    this.loop = new BackgroundLoop({
      name: 'daily digest',
      log: ctx.log,
      pollMs: options.pollMs ?? 10 * 60_000,
      pass: async () => {
        const now = new Date();
        if (vnHour(now) >= this.ctx.config.digestHour) await this.runDay(vnDay(now), now);
        return false;
      },
    });
  }

  /** Prepares one day's digests (once per day; null when the day was done already). */
  async runDay(day: string, now = new Date()): Promise<{ users: number; mails: number } | null> {
    const mails = mailStore(this.ctx.db);
    if (await mails.digestDone(day)) return null;
    const users = await accountStore(this.ctx.db).scanDigestUsers();
    let queued = 0;
    for (const user of users) if (await mailDigest(this.ctx, user, day, now)) queued += 1;
    const counts = { users: users.length, mails: queued };
    await mails.markDigestDone(day, counts);
    if (queued) this.ctx.log.info(counts, `daily digest of ${day} queued`);
    return counts;
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
