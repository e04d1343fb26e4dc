import request from 'supertest';
import { sendMessage } from '../server/src/modules/deals/commands/sendMessage';
import { dealStore } from '../server/src/modules/deals/store';
import { matchStore } from '../server/src/modules/matching/store';
import { vnDay } from '../server/src/modules/notifications/digest';
import { notifyUsers } from '../server/src/modules/notifications/notify';
import type { AuthUser } from '../server/src/platform/principal';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, type Member } from './helpers/factories';
import { linkIn, Mailbox } from './helpers/mailbox';

/**
 * E-mail notifications, read from the real mail catcher: per-user
 * preferences per kind (immediately, daily digest, off), a chat message
 * mailed only if still unread a few minutes on, the daily digest once per
 * user and day however many instances prepare it, every mail in its
 * reader's language, HTML and text, with a one-click unsubscribe link.
 */
jest.setTimeout(60_000);

let t: TestApp;
const mailbox = new Mailbox();
const api = () => request(t.app.server);
const DELAY_MS = 1500;

beforeAll(async () => {
  t = await startTestApp({ messageMailDelayMs: DELAY_MS });
});
afterAll(() => t.close());

const principal = (m: Member): AuthUser => ({
  id: m.user.id,
  email: m.email,
  name: m.user.name,
  role: 'user',
  organizationId: m.organization.id,
  orgRole: 'owner',
  emailVerified: true,
});

describe('preferences', () => {
  it('has defaults per kind, changes some, and names a bad value', async () => {
    const m = await buildOrg(t);
    const defaults = await api().get('/api/me/notification-preferences').set(m.auth).expect(200);
    expect(defaults.body.data).toEqual({
      matches: 'digest',
      dealMessages: 'immediate',
      dealUpdates: 'immediate',
      savedSearches: 'digest',
      decisions: 'immediate',
      events: 'immediate',
    });
    const changed = await api()
      .put('/api/me/notification-preferences')
      .set(m.auth)
      .send({ matches: 'immediate', decisions: 'off' })
      .expect(200);
    expect(changed.body.data).toMatchObject({ matches: 'immediate', decisions: 'off', dealMessages: 'immediate' });
    const bad = await api()
      .put('/api/me/notification-preferences')
      .set(m.auth)
      .send({ matches: 'sometimes' })
      .expect(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['matches']);
  });
});

describe('immediate mails', () => {
  it('mails a moderation decision in the reader’s language, HTML and text, with a one-click unsubscribe that works signed out', async () => {
    const owner = await buildOrg(t);
    await t.models.User.updateOne({ _id: owner.user.id }, { $set: { locale: 'en' } });
    const admin = await buildAdmin(t);
    const pending = await buildListing(t, owner, 'offer', { title: 'Solar dryer for coffee beans' });
    expect(pending.status).toBe('pending_review');
    await api().post(`/api/admin/listings/offer/${pending.id}/approve`).set(admin.auth).expect(200);
    const mail = await mailbox.waitFor(owner.email, /is published/);
    expect(mail.subject).toBe('“Solar dryer for coffee beans” is published');
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.text).toContain(`/offers/${pending.id}`);
    const source = await mailbox.source(mail.id);
    // (Long header lines are folded onto the next line.)
    expect(source).toMatch(/^List-Unsubscribe:\s+<http:\/\/localhost:\d+\/api\/mail\/unsubscribe\?token=/m);
    expect(source).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(source).toMatch(/Content-Type: text\/plain/);
    expect(source).toMatch(/Content-Type: text\/html/);

    // The header's address, as a mail client posts it (RFC 8058): no session, a form body.
    const oneClick = new URL(/^List-Unsubscribe:\s+<([^>]+)>/m.exec(source)![1]);
    const res = await api()
      .post(`${oneClick.pathname}${oneClick.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(res.body).toMatchObject({ scope: 'decisions', turnedOff: ['decisions'] });
    expect((await api().get('/api/me/notification-preferences').set(owner.auth)).body.data.decisions).toBe('off');
    // A forged or altered token is refused.
    const forged = oneClick.searchParams.get('token')!.replace('decisions', 'matches');
    await api().post(`/api/mail/unsubscribe?token=${forged}`).expect(400);

    // Off: the next decision is in the inbox but not mailed.
    const second = await buildListing(t, owner, 'offer', { title: 'Rice husk gasifier' });
    await api().post(`/api/admin/listings/offer/${second.id}/approve`).set(admin.auth).expect(200);
    await t.settle();
    await t.workers.mail.settled();
    expect((await mailbox.to(owner.email)).filter((m) => /is published/.test(m.subject))).toHaveLength(1);
    expect(linkIn(mail, `/offers/${pending.id}`).pathname).toBe(`/offers/${pending.id}`);
  });

  it('mails an event once, however often it is processed', async () => {
    const m = await buildOrg(t);
    const data = { listingType: 'offer', listingId: '0123456789abcdef01234567', listingTitle: 'Một lần thôi' };
    for (let i = 0; i < 3; i++)
      await notifyUsers(t.ctx, [m.user.id], 'listing.approved', data, (userId) => `once-event:${userId}`);
    await t.workers.mail.settled();
    expect((await mailbox.to(m.email)).filter((x) => x.subject.includes('Một lần thôi'))).toHaveLength(1);
  });

  it('never mails an unconfirmed address', async () => {
    const m = await buildOrg(t, { emailVerified: false });
    await notifyUsers(
      t.ctx,
      [m.user.id],
      'listing.approved',
      { listingTitle: 'Chưa xác nhận' },
      (u) => `unverified:${u}`,
    );
    await t.workers.mail.settled();
    expect((await mailbox.to(m.email)).filter((x) => x.subject.includes('Chưa xác nhận'))).toHaveLength(0);
  });
});

describe('deal messages', () => {
  it('are mailed only if still unread a few minutes on (a scheduled check, not a wait in the request)', async () => {
    const institute = await buildOrg(t, { type: 'research_institute', verified: true });
    const enterprise = await buildOrg(t, { verified: true });
    const offer = await buildListing(t, institute, 'offer', { title: 'Chế phẩm vi sinh cho ao tôm' });
    const opened = await api().post('/api/deals').set(enterprise.auth).send({ offerId: offer.id }).expect(201);
    const deal = (await dealStore(t.ctx.db).findById(opened.body.data.id))!;

    const sentAt = Date.now();
    const first = await sendMessage(t.ctx, principal(enterprise), deal, 'Chào viện, chúng tôi quan tâm', 'c1');
    expect(Date.now() - sentAt).toBeLessThan(DELAY_MS);
    const mail = await mailbox.waitFor(institute.email, /nhắn trong/, 20_000);
    const waited = Date.now() - sentAt;
    console.log(`deal message mailed ${waited} ms after it was sent (delay ${DELAY_MS} ms)`);
    expect(waited).toBeGreaterThanOrEqual(DELAY_MS);
    expect(mail.text).toContain('Chào viện, chúng tôi quan tâm');
    expect(first.created).toBe(true);

    // Read before the delay is over: no mail (the guard sees the read position when the mail is due).
    await dealStore(t.ctx.db).markRead(deal._id, institute.user.id, first.message.seq);
    const second = await sendMessage(t.ctx, principal(enterprise), deal, 'Tin thứ hai', 'c2');
    await dealStore(t.ctx.db).markRead(deal._id, institute.user.id, second.message.seq);
    await new Promise((r) => setTimeout(r, DELAY_MS + 500));
    await t.settle();
    await t.workers.mail.settled();
    expect((await mailbox.to(institute.email)).filter((m) => m.text.includes('Tin thứ hai'))).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('goes out once per user and day, however many instances prepare it and however often they restart', async () => {
    const m = await buildOrg(t, { type: 'research_institute', verified: true });
    await api().put('/api/me/notification-preferences').set(m.auth).send({ decisions: 'digest' }).expect(200);
    const notify = (type: 'match.new' | 'listing.approved', data: Record<string, unknown>, key: string) =>
      notifyUsers(t.ctx, [m.user.id], type, data, (u) => `${key}:${u}`);
    await notify(
      'match.new',
      {
        score: 88,
        listingTitle: 'Máy tách hạt',
        counterpartTitle: 'Cần máy tách hạt',
        counterpartOrganization: 'HTX Ea Kar',
        count: 1,
      },
      'strong',
    );
    // A weaker match (listed, never announced: no notification) reaches the user in the digest only.
    const other = await buildOrg(t, { type: 'enterprise', verified: true });
    const weakOffer = await buildListing(t, m, 'offer', { title: 'Máy sấy yếu điểm' });
    const weakDemand = await buildListing(t, other, 'demand', { title: 'Nhu cầu xa vời' });
    await t.settle();
    await matchStore(t.ctx.db).insertPairs(
      [
        {
          sides: {
            offerId: weakOffer.id,
            demandId: weakDemand.id,
            offerOrgId: m.organization.id,
            demandOrgId: other.organization.id,
          },
          fields: { score: 60, reasons: [], active: true },
        },
      ],
      null,
    );
    await notify(
      'listing.approved',
      { listingType: 'offer', listingId: '0123456789abcdef01234567', listingTitle: 'Tin đã duyệt' },
      'decision',
    );
    await t.workers.mail.settled();
    // Nothing of these kinds went out one by one.
    expect((await mailbox.to(m.email)).filter((x) => /Máy tách hạt|Tin đã duyệt/.test(x.subject))).toEqual([]);

    const day = `2099-${String(1 + (Date.now() % 12)).padStart(2, '0')}-15`;
    const second = await startTestApp(
      { mongodbDb: t.ctx.config.mongodbDb, meiliIndexPrefix: t.ctx.config.meiliIndexPrefix },
      undefined,
      { keepData: true },
    );
    try {
      const results = await Promise.all([t.workers.digest.runDay(day), second.workers.digest.runDay(day)]);
      expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(1);
      // The run record lost (a crash before it was written): the day runs again, and mails nobody twice.
      await t.ctx.db.connection.model('DigestRun').deleteOne({ _id: day });
      expect(await second.workers.digest.runDay(day)).toMatchObject({ mails: 0 });
      expect(await t.workers.digest.runDay(day)).toBeNull();
      await Promise.all([t.workers.mail.settled(), second.workers.mail.settled()]);
    } finally {
      await second.close();
    }
    const digests = (await mailbox.to(m.email)).filter((x) => x.subject.startsWith('Bản tin TechBridge'));
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.text).toContain('Máy tách hạt');
    expect(digest.text).toContain('Tin đã duyệt');
    expect(digest.text).toContain('Các gợi ý khác có thể phù hợp');
    expect(digest.text).toMatch(/Máy sấy yếu điểm[\s\S]*Nhu cầu xa vời/);
    expect(await mailbox.source(digest.id)).toMatch(/^List-Unsubscribe:\s+<[^>]+digest/m);
    expect(vnDay(new Date('2026-03-14T18:30:00Z'))).toBe('2026-03-15');
  });
});
