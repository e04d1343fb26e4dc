import request from 'supertest';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member, PASSWORD } from './helpers/factories';
import { type ClientSocket, connectAs, nextEvent } from './helpers/sockets';

/**
 * Sessions end when they should: a socket closes when its access token
 * expires (telling the client, which reconnects with a fresh one), at
 * logout and when its refresh family is revoked; typing is throttled per
 * user; a viewer counts once a day.
 */

let t: TestApp;
const sockets: ClientSocket[] = [];
const api = () => request(t.app.server);

beforeAll(async () => {
  // Two-second access tokens, so expiry happens within a test.
  t = await startTestApp({ accessTokenTtl: 2, refreshReuseGraceSeconds: 0 });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function connect(m: { accessToken: string }) {
  const s = await connectAs(t, m.accessToken);
  sockets.push(s);
  return s;
}
const closed = (s: ClientSocket) =>
  new Promise<string>((resolve) => (s.disconnected ? resolve('already') : s.once('disconnect', resolve)));

/** A fresh member logged in with its own agent (refresh cookie) and a short-lived access token. */
async function session(): Promise<Member> {
  return buildOrg(t, { type: 'enterprise', verified: true });
}

describe('socket sessions', () => {
  it('closes a socket when its access token expires; a fresh token connects again', async () => {
    const m = await session();
    const s = await connect(m);
    const ended = await nextEvent<{ reason: string }>(s, 'session:ended', 5000);
    expect(ended.reason).toBe('expired');
    await closed(s);
    expect(s.connected).toBe(false);
    const refreshed = await m.agent.post('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    const again = await connect({ accessToken: refreshed.body.accessToken });
    expect(again.connected).toBe(true);
  });

  it('closes the sockets of a session at logout, and its token no longer opens one', async () => {
    const m = await session();
    const fresh = (await m.agent.post('/api/auth/refresh')).body.accessToken as string;
    const s = await connect({ accessToken: fresh });
    const other = await connect({ accessToken: (await m.agent.post('/api/auth/refresh')).body.accessToken });
    const logout = await m.agent.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect((await nextEvent<{ reason: string }>(s, 'session:ended', 3000)).reason).toBe('logout');
    await closed(s);
    await closed(other);
    await expect(connectAs(t, fresh)).rejects.toThrow('unauthorized');
    expect((await api().get('/api/me').set('Authorization', `Bearer ${fresh}`)).status).toBe(401);
  });

  it('closes the sockets of a session whose refresh token was reused (family revoked), not those of another session', async () => {
    const m = await session();
    const cookieOf = (res: request.Response) =>
      ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('tb_refresh='))!
        .split(';')[0];
    const login = await api().post('/api/auth/login').send({ email: m.email, password: PASSWORD });
    const first = cookieOf(login);
    const rotated = await api().post('/api/auth/refresh').set('Cookie', first);
    const s = await connect({ accessToken: rotated.body.accessToken });
    const elsewhere = await connect({
      accessToken: (await api().post('/api/auth/login').send({ email: m.email, password: PASSWORD })).body.accessToken,
    });
    // The first refresh token presented again (no grace here): someone else holds it, the family is revoked.
    const reuse = await api().post('/api/auth/refresh').set('Cookie', first);
    expect(reuse.status).toBe(401);
    expect((await nextEvent<{ reason: string }>(s, 'session:ended', 3000)).reason).toBe('revoked');
    await closed(s);
    expect(elsewhere.connected).toBe(true);
  });
});

describe('typing', () => {
  it('relays at most one typing signal per second per user and deal', async () => {
    const owner = await session();
    const other = await buildOrg(t, { type: 'research_institute', verified: true });
    const offerId = (await buildListing(t, other, 'offer')).id;
    const refreshedOwner = (await owner.agent.post('/api/auth/refresh')).body.accessToken as string;
    const deal = await api().post('/api/deals').set('Authorization', `Bearer ${refreshedOwner}`).send({ offerId });
    const dealId = deal.body.data.id as string;
    const a = await connect({ accessToken: refreshedOwner });
    const b = await connect({ accessToken: (await other.agent.post('/api/auth/refresh')).body.accessToken });
    for (const s of [a, b]) await new Promise((resolve) => s.emit('deal:join', { dealId }, resolve as never));
    for (let i = 0; i < 2000; i++) a.emit('typing', { dealId, typing: true });
    a.emit('typing', { dealId, typing: false });
    await eventually(async () =>
      expect(b.received.some((r) => r.event === 'typing' && !(r.payload as { typing: boolean }).typing)).toBe(true),
    );
    const relayed = b.received.filter((r) => r.event === 'typing');
    console.log(`typing: 2,001 sent, ${relayed.length} relayed`);
    expect(relayed.length).toBeLessThanOrEqual(3);
  });
});

describe('view counts', () => {
  it('count each viewer once a day: repeated anonymous and signed-in reads add one each', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    const offerId = (await buildListing(t, owner, 'offer')).id;
    for (let i = 0; i < 20; i++) await api().get(`/api/offers/${offerId}`).set('User-Agent', 'Browser A');
    for (let i = 0; i < 5; i++) await api().get(`/api/offers/${offerId}`).set('User-Agent', 'Browser B');
    const reader = await buildOrg(t, { type: 'enterprise', verified: true });
    for (let i = 0; i < 5; i++) await api().get(`/api/offers/${offerId}`).set(reader.auth);
    await t.workers.views.flush();
    // A second instance's counter (a restart) does not count them again.
    t.workers.views.add('offer', offerId, `u:${reader.user.id}`);
    await t.workers.views.flush();
    const stored = await t.models.Offer.findById(offerId).lean<{ views: number }>();
    expect(stored?.views).toBe(3);
  });
});
