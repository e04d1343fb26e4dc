import request from 'supertest';
import { REFRESH_COOKIE } from '../server/src/modules/accounts/tokens';
import { startTestApp, type TestApp } from './helpers/app';
import { requestScans, spy, summary } from './helpers/dbSpy';
import { buildListing, buildOrg, offerInput, PASSWORD, verifyEmailByMail } from './helpers/factories';
import { Mailbox, tokenIn } from './helpers/mailbox';

/**
 * Addresses and passwords like a real service, read from the real mail
 * catcher: verification links, a taken address that is never revealed,
 * password reset with a single-use link that ends every session, changing
 * the password and the address.
 */
let t: TestApp;
const mailbox = new Mailbox();
const api = () => request(t.app.server);
let n = 0;
const address = (what: string) => `${what}-${Date.now().toString(36)}-${n++}@example.vn`;
const registration = (email: string, password = PASSWORD) => ({
  email,
  password,
  name: 'Đặng Thu Trang',
  organization: { name: 'Công ty Vật liệu Mới', type: 'enterprise', province: 'HN' },
});

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('registration and address verification', () => {
  it('mails a link; until it is opened the account browses and drafts but neither publishes nor contacts', async () => {
    const email = address('moi');
    const agent = request.agent(t.app.server);
    const reg = await agent.post('/api/auth/register').send(registration(email)).expect(201);
    const auth = { Authorization: `Bearer ${reg.body.accessToken}` };
    expect(reg.body.user).toMatchObject({ email, emailVerified: false, pendingEmail: null });

    const mail = await mailbox.waitFor(email, /verify-email/);
    expect(mail.subject).toBe('Xác nhận địa chỉ email của bạn');
    expect(mail.html).toContain('Xác nhận email');
    expect(mail.text).toContain('/verify-email?token=');

    // Browsing and drafting work; publishing and opening a deal answer a clear 403.
    await api().get('/api/me').set(auth).expect(200);
    const draft = await api().post('/api/offers').set(auth).send(offerInput()).expect(201);
    const publish = await api().post(`/api/offers/${draft.body.data.id}/publish`).set(auth).expect(403);
    expect(publish.body.error.code).toBe('email_unverified');
    const other = await buildOrg(t, { verified: true });
    const theirs = await buildListing(t, other, 'offer');
    const contact = await api().post('/api/deals').set(auth).send({ offerId: theirs.id }).expect(403);
    expect(contact.body.error.code).toBe('email_unverified');

    // The link confirms the address once; the same session may publish at once.
    const token = tokenIn(mail, '/verify-email');
    const verified = await api().post('/api/auth/verify-email').send({ token }).expect(200);
    expect(verified.body.user).toMatchObject({ email, emailVerified: true });
    const again = await api().post('/api/auth/verify-email').send({ token }).expect(400);
    expect(again.body.error.fields.token).toEqual(expect.any(String));
    await api().post(`/api/offers/${draft.body.data.id}/publish`).set(auth).expect(200);
    expect((await api().get('/api/me').set(auth)).body.user.emailVerified).toBe(true);
  });

  it('sends the link again on request, at most once a minute; a confirmed account gets nothing', async () => {
    const email = address('gui-lai');
    const reg = await api().post('/api/auth/register').send(registration(email)).expect(201);
    const auth = { Authorization: `Bearer ${reg.body.accessToken}` };
    await mailbox.waitFor(email, /verify-email/);
    await api().post('/api/auth/verify-email/resend').set(auth).expect(202);
    expect((await api().post('/api/auth/verify-email/resend').set(auth)).status).toBe(429);
    await t.workers.mail.settled();
    const links = (await mailbox.to(email)).filter((m) => m.text.includes('/verify-email?token='));
    expect(links).toHaveLength(2);
    // Either link confirms the address (the latest, here); nothing more is sent afterwards.
    await api()
      .post('/api/auth/verify-email')
      .send({ token: tokenIn(links[1], '/verify-email') })
      .expect(200);
    await api().post('/api/auth/verify-email/resend').set(auth).expect(202);
    await t.workers.mail.settled();
    expect(await mailbox.to(email)).toHaveLength(2);
  });

  it('never reveals a taken address: the same answer and shape, and the owner is mailed instead of a link', async () => {
    const owner = await buildOrg(t);
    const before = (await mailbox.to(owner.email)).length;
    const newcomer = address('chua-co');

    const times = { fresh: [] as number[], taken: [] as number[] };
    const shapes: string[] = [];
    for (let i = 0; i < 4; i++) {
      for (const kind of ['fresh', 'taken'] as const) {
        const email = kind === 'taken' ? owner.email.toUpperCase() : i === 0 ? newcomer : address('chua-co');
        const started = process.hrtime.bigint();
        const res = await api().post('/api/auth/register').send(registration(email, 'MatKhauKhac9'));
        times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
        expect(res.status).toBe(201);
        const { accessToken, user, organization } = res.body;
        expect(typeof accessToken).toBe('string');
        expect(user).toMatchObject({
          email: email.toLowerCase(),
          emailVerified: false,
          orgRole: 'owner',
          role: 'user',
        });
        shapes.push(
          JSON.stringify([Object.keys(res.body).sort(), Object.keys(user).sort(), Object.keys(organization).sort()]),
        );
      }
    }
    expect(new Set(shapes).size).toBe(1);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `register: median ${median(times.fresh).toFixed(1)} ms for a new address, ${median(times.taken).toFixed(1)} ms for a taken one`,
    );
    expect(median(times.taken)).toBeLessThan(median(times.fresh) * 2 + 20);

    // The owner hears of the attempts (no link to confirm anything); the newcomer gets a link.
    await t.workers.mail.settled();
    const ownerMails = (await mailbox.to(owner.email)).slice(before);
    expect(ownerMails.map((m) => m.subject)).toEqual(Array(4).fill('Có người vừa dùng địa chỉ email của bạn'));
    expect(ownerMails.every((m) => !m.text.includes('/verify-email'))).toBe(true);
    await mailbox.waitFor(newcomer, /verify-email/);

    // The address stays the owner's: their password signs in to their account, and theirs only.
    const login = await api().post('/api/auth/login').send({ email: owner.email, password: PASSWORD }).expect(200);
    expect(login.body.user.id).toBe(owner.user.id);
    // The pending registration signs in with its own password, to itself (it can never be confirmed).
    const pending = await api()
      .post('/api/auth/login')
      .send({ email: owner.email, password: 'MatKhauKhac9' })
      .expect(200);
    expect(pending.body.user).toMatchObject({ emailVerified: false });
    expect(pending.body.user.id).not.toBe(owner.user.id);
  });

  it('lets the owner of an address confirm the newest registration when the address had none', async () => {
    const email = address('hai-lan');
    await api().post('/api/auth/register').send(registration(email, 'MatKhauMot1')).expect(201);
    const second = await api().post('/api/auth/register').send(registration(email, 'MatKhauHai2')).expect(201);
    await t.workers.mail.settled();
    const links = (await mailbox.to(email)).filter((m) => m.text.includes('/verify-email'));
    expect(links).toHaveLength(2);
    await api()
      .post('/api/auth/verify-email')
      .send({ token: tokenIn(links[1], '/verify-email') })
      .expect(200);
    // The first registration's link can no longer take the address.
    const late = await api()
      .post('/api/auth/verify-email')
      .send({ token: tokenIn(links[0], '/verify-email') });
    expect(late.status).toBe(409);
    const login = await api().post('/api/auth/login').send({ email, password: 'MatKhauHai2' }).expect(200);
    expect(login.body.user).toMatchObject({ id: second.body.user.id, emailVerified: true });
  });
});

describe('password reset', () => {
  it('answers known and unknown addresses alike, mails a one-hour single-use link, and ends every session', async () => {
    const member = await buildOrg(t);
    const second = request.agent(t.app.server);
    const other = await second.post('/api/auth/login').send({ email: member.email, password: PASSWORD }).expect(200);

    const known = await api().post('/api/auth/password/forgot').send({ email: member.email.toUpperCase() });
    const unknown = await api()
      .post('/api/auth/password/forgot')
      .send({ email: address('khong-ai') });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);

    const mail = await mailbox.waitFor(member.email, /reset-password/);
    expect(mail.subject).toBe('Đặt lại mật khẩu');
    const token = tokenIn(mail, '/reset-password');
    const weak = await api().post('/api/auth/password/reset').send({ token, password: 'ngan' }).expect(400);
    expect(weak.body.error.fields.password).toEqual(expect.any(String));
    await api().post('/api/auth/password/reset').send({ token, password: 'MatKhauMoi2026' }).expect(200);

    // Every session ended: refresh families and the access tokens issued before.
    expect((await member.agent.post('/api/auth/refresh')).status).toBe(401);
    expect((await second.post('/api/auth/refresh')).status).toBe(401);
    expect((await api().get('/api/me').set(member.auth)).status).toBe(401);
    expect((await api().get('/api/me').set('Authorization', `Bearer ${other.body.accessToken}`)).status).toBe(401);
    const sessions = await t.models.Session.find({ userId: member.user.id }).lean();
    expect(sessions.every((s) => s.revokedAt)).toBe(true);

    // The new password works, the old one not; the link was single use; a notice was mailed.
    await api().post('/api/auth/login').send({ email: member.email, password: 'MatKhauMoi2026' }).expect(200);
    await api().post('/api/auth/login').send({ email: member.email, password: PASSWORD }).expect(401);
    const reused = await api().post('/api/auth/password/reset').send({ token, password: 'MatKhauKhac2026' });
    expect(reused.status).toBe(400);
    expect(reused.body.error.fields.token).toEqual(expect.any(String));
    await mailbox.waitFor(member.email, /Mật khẩu của bạn đã được thay đổi/);
  });

  it('refuses an expired link (one hour) and cancels older links once a reset is done', async () => {
    const member = await buildOrg(t);
    for (let i = 0; i < 2; i++) await api().post('/api/auth/password/forgot').send({ email: member.email }).expect(202);
    await t.workers.mail.settled();
    const [first, second] = (await mailbox.to(member.email)).filter((m) => m.text.includes('/reset-password'));
    const [expiredId] = tokenIn(first, '/reset-password').split('.');
    const stored = t.ctx.db.connection.model('AccountToken');
    expect((await stored.findById(expiredId).lean<{ expiresAt: Date }>())!.expiresAt.getTime()).toBeGreaterThan(
      Date.now() + 59 * 60_000,
    );
    await stored.updateOne({ _id: expiredId }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const late = { token: tokenIn(first, '/reset-password'), password: 'MatKhauMoi2026' };
    await api().post('/api/auth/password/reset').send(late).expect(400);
    const reset = { token: tokenIn(second, '/reset-password'), password: 'MatKhauMoi2026' };
    await api().post('/api/auth/password/reset').send(reset).expect(200);
    // A link is stored as a hash under its id only.
    expect(await stored.countDocuments({ userId: member.user.id, purpose: 'reset_password' })).toBe(0);
  });
});

describe('signed-in changes', () => {
  it('changes the password with the current one: this session goes on with a new token, the others end', async () => {
    const member = await buildOrg(t);
    const other = request.agent(t.app.server);
    await other.post('/api/auth/login').send({ email: member.email, password: PASSWORD }).expect(200);
    const wrong = await member.agent
      .post('/api/me/password')
      .set(member.auth)
      .send({ currentPassword: 'SaiRoi123', newPassword: 'MatKhauMoi2026' })
      .expect(400);
    expect(wrong.body.error.fields.currentPassword).toEqual(expect.any(String));
    const changed = await member.agent
      .post('/api/me/password')
      .set(member.auth)
      .send({ currentPassword: PASSWORD, newPassword: 'MatKhauMoi2026' })
      .expect(200);
    await api().get('/api/me').set('Authorization', `Bearer ${changed.body.accessToken}`).expect(200);
    const cookie = (changed.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(REFRESH_COOKIE));
    expect(cookie).toBeDefined();
    expect((await member.agent.post('/api/auth/refresh')).status).toBe(200);
    expect((await other.post('/api/auth/refresh')).status).toBe(401);
    await mailbox.waitFor(member.email, /Mật khẩu của bạn đã được thay đổi/);
  });

  it('changes the address: the current one stays until the new one is confirmed, then gets a notice', async () => {
    const member = await buildOrg(t);
    const next = address('dia-chi-moi');
    const wrong = await api().post('/api/me/email').set(member.auth).send({ email: next, password: 'Sai12345' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.password).toEqual(expect.any(String));
    const asked = await api()
      .post('/api/me/email')
      .set(member.auth)
      .send({ email: next, password: PASSWORD })
      .expect(202);
    expect(asked.body.user).toMatchObject({ email: member.email, pendingEmail: next, emailVerified: true });
    // Still the old address until confirmed.
    await api().post('/api/auth/login').send({ email: member.email, password: PASSWORD }).expect(200);
    const link = await mailbox.waitFor(next, /verify-email/);
    expect(link.subject).toBe('Xác nhận địa chỉ email mới');
    const done = await api()
      .post('/api/auth/verify-email')
      .send({ token: tokenIn(link, '/verify-email') })
      .expect(200);
    expect(done.body.user).toMatchObject({ email: next, pendingEmail: null, emailVerified: true });
    await api().post('/api/auth/login').send({ email: next, password: PASSWORD }).expect(200);
    await api().post('/api/auth/login').send({ email: member.email, password: PASSWORD }).expect(401);
    await mailbox.waitFor(member.email, /Địa chỉ email đăng nhập đã thay đổi/);
  });

  it('treats a change to a taken address like any other, and mails its owner instead', async () => {
    const [member, owner] = [await buildOrg(t), await buildOrg(t)];
    const before = (await mailbox.to(owner.email)).length;
    const res = await api().post('/api/me/email').set(member.auth).send({ email: owner.email, password: PASSWORD });
    expect(res.status).toBe(202);
    expect(res.body.user.pendingEmail).toBe(owner.email);
    await t.workers.mail.settled();
    const mails = (await mailbox.to(owner.email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['Có người vừa dùng địa chỉ email của bạn']);
  });
});

describe('database operations of the account routes', () => {
  it('registering, confirming, asking for a reset and resetting use _id lookups and key collections alone', async () => {
    const email = address('chi-phi');
    const ops = await spy(t, async () => {
      await api().post('/api/auth/register').send(registration(email)).expect(201);
      await t.workers.mail.settled();
      await verifyEmailByMail(t, email);
      await api().post('/api/auth/password/forgot').send({ email }).expect(202);
      const mail = await mailbox.waitFor(email, /reset-password/);
      await api()
        .post('/api/auth/password/reset')
        .send({ token: tokenIn(mail, '/reset-password'), password: 'MatKhauMoi2026' })
        .expect(200);
      await api().post('/api/auth/login').send({ email, password: 'MatKhauMoi2026' }).expect(200);
    });
    console.log(`register → verify → forgot → reset → login: ${ops.length} operations ${JSON.stringify(summary(ops))}`);
    expect(requestScans(ops)).toEqual([]);
  });
});
