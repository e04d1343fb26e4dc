import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { JWT_ISSUER, REFRESH_COOKIE } from '../server/src/modules/accounts/tokens';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, offerInput, PASSWORD } from './helpers/factories';
import { connectAs } from './helpers/sockets';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ refreshReuseGraceSeconds: 0 });
});
afterAll(async () => {
  await t.close();
});

const refreshCookie = (res: request.Response): string | undefined => {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return raw?.find((c) => c.startsWith(`${REFRESH_COOKIE}=`))?.split(';')[0];
};

describe('registration', () => {
  it('creates a user and their organisation and returns an access token', async () => {
    const res = await request(t.app.server)
      .post('/api/auth/register')
      .send({
        email: 'Vien.Moi@Example.VN',
        password: PASSWORD,
        name: 'TS. Hoàng Minh',
        organization: { name: 'Viện Công nghệ Sinh học', type: 'research_institute', province: 'HN' },
      });
    expect(res.status).toBe(201);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email: 'vien.moi@example.vn', orgRole: 'owner', role: 'user' });
    expect(res.body.user.passwordHash).toBeUndefined();
    expect(res.body.organization).toMatchObject({ type: 'research_institute', province: 'HN', verified: false });
    expect(refreshCookie(res)).toBeDefined();
    const stored = await t.models.User.findOne({ email: 'vien.moi@example.vn' }).lean();
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('treats emails case-insensitively, and never reveals a taken one: a second registration answers like a first', async () => {
    const res = await request(t.app.server)
      .post('/api/auth/register')
      .send({
        email: 'VIEN.MOI@example.vn',
        password: PASSWORD,
        name: 'Người khác',
        organization: { name: 'Công ty khác', type: 'enterprise', province: 'HCM' },
      });
    // The same status and shape as a new registration (tests/accounts.test.ts: the owner is mailed instead).
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'vien.moi@example.vn', emailVerified: false, orgRole: 'owner' });
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'organization', 'user']);
  });

  it('answers bad input with a 400 naming every bad field, in the requested language', async () => {
    const res = await request(t.app.server)
      .post('/api/auth/register')
      .set('Accept-Language', 'en')
      .send({
        email: 'not-an-email',
        password: 'short',
        name: '',
        organization: { name: 'X Co', type: 'bank', province: 'ZZ' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields).toEqual({
      email: 'Invalid email address',
      password: 'Password must be at least 8 characters',
      name: 'Please enter your name',
      'organization.type': 'Unknown organisation type',
      'organization.province': 'Unknown province',
    });
    const vi = await request(t.app.server).post('/api/auth/register').send({ email: 'x' });
    expect(vi.status).toBe(400);
    expect(vi.body.error.fields.email).toBe('Email không hợp lệ');
    expect(vi.body.error.fields.organization).toBe('Trường này là bắt buộc');
  });

  it('rejects unknown fields such as a self-granted role', async () => {
    const res = await request(t.app.server)
      .post('/api/auth/register')
      .send({
        email: 'role@example.vn',
        password: PASSWORD,
        name: 'Kẻ xấu',
        role: 'admin',
        organization: { name: 'Công ty ABC', type: 'enterprise', province: 'HN' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.role).toBeDefined();
  });
});

describe('login', () => {
  it('logs in with the right password and sets an httpOnly SameSite refresh cookie', async () => {
    const m = await buildOrg(t);
    const res = await request(t.app.server)
      .post('/api/auth/login')
      .send({ email: m.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(m.email);
    const raw = (res.headers['set-cookie'] as unknown as string[]).join(';');
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);
    const me = await request(t.app.server).get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(m.user.id);
    expect(me.body.organization.id).toBe(m.organization.id);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const m = await buildOrg(t);
    const wrong = await request(t.app.server).post('/api/auth/login').send({ email: m.email, password: 'Sai12345678' });
    const unknown = await request(t.app.server)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.vn', password: 'Sai12345678' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('answers operator injection with a 400', async () => {
    const res = await request(t.app.server)
      .post('/api/auth/login')
      .send({ email: { $gt: '' }, password: { $ne: null } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields.email).toBeDefined();
    const nested = await request(t.app.server)
      .post('/api/auth/register')
      .send({
        email: 'a@b.vn',
        password: PASSWORD,
        name: 'Abc',
        organization: { name: { $where: '1' }, type: 'enterprise', province: 'HN' },
      });
    expect(nested.status).toBe(400);
    const inQuery = await request(t.app.server).get('/api/admin/organizations?verified[$ne]=x');
    expect(inQuery.status).toBe(400);
  });
});

describe('refresh tokens', () => {
  it('rotates the refresh token on every use', async () => {
    const m = await buildOrg(t);
    const first = await m.agent.post('/api/auth/refresh');
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const c1 = refreshCookie(first);
    const second = await m.agent.post('/api/auth/refresh');
    expect(second.status).toBe(200);
    expect(refreshCookie(second)).toBeDefined();
    expect(refreshCookie(second)).not.toBe(c1);
    const me = await request(t.app.server).get('/api/me').set('Authorization', `Bearer ${second.body.accessToken}`);
    expect(me.status).toBe(200);
  });

  it('revokes the whole family when an old refresh token is reused', async () => {
    // Past the grace period for aborted reloads (0 s here), any reuse is treated as theft.
    const m = await buildOrg(t);
    const login = await request(t.app.server).post('/api/auth/login').send({ email: m.email, password: PASSWORD });
    const original = refreshCookie(login)!;
    const rotated = await request(t.app.server).post('/api/auth/refresh').set('Cookie', original);
    expect(rotated.status).toBe(200);
    const current = refreshCookie(rotated)!;

    // An attacker replays the stolen, already-rotated token.
    const replay = await request(t.app.server).post('/api/auth/refresh').set('Cookie', original);
    expect(replay.status).toBe(401);
    // The legitimate, newest token of that family is dead too.
    const afterReuse = await request(t.app.server).post('/api/auth/refresh').set('Cookie', current);
    expect(afterReuse.status).toBe(401);
    // Another login (another family) is unaffected.
    const other = await m.agent.post('/api/auth/refresh');
    expect(other.status).toBe(200);
  });

  it('logout revokes the session', async () => {
    const m = await buildOrg(t);
    expect((await m.agent.post('/api/auth/logout')).status).toBe(204);
    expect((await m.agent.post('/api/auth/refresh')).status).toBe(401);
  });

  it('refuses refresh without a cookie', async () => {
    const res = await request(t.app.server).post('/api/auth/refresh');
    expect(res.status).toBe(401);
  });
});

describe('refresh grace period', () => {
  it('a just-rotated token presented again within the grace period continues the session (an aborted reload)', async () => {
    const graceful = await startTestApp({ refreshReuseGraceSeconds: 10 });
    try {
      const m = await buildOrg(graceful);
      const login = await request(graceful.app.server)
        .post('/api/auth/login')
        .send({ email: m.email, password: PASSWORD });
      const original = refreshCookie(login)!;
      expect((await request(graceful.app.server).post('/api/auth/refresh').set('Cookie', original)).status).toBe(200);
      const again = await request(graceful.app.server).post('/api/auth/refresh').set('Cookie', original);
      expect(again.status).toBe(200);
      expect(
        (await request(graceful.app.server).post('/api/auth/refresh').set('Cookie', refreshCookie(again)!)).status,
      ).toBe(200);
    } finally {
      await graceful.close();
    }
  });
});

describe('access tokens and roles', () => {
  it('401 without a token, with an expired token and with a forged one', async () => {
    const m = await buildOrg(t);
    expect((await request(t.app.server).get('/api/me')).status).toBe(401);
    const expired = jwt.sign(
      { org: m.organization.id, role: 'user', exp: Math.floor(Date.now() / 1000) - 60 },
      t.ctx.jwtSecret,
      {
        subject: m.user.id,
        issuer: JWT_ISSUER,
      },
    );
    const res = await request(t.app.server).get('/api/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    const forged = jwt.sign({ org: null, role: 'admin' }, 'not-the-secret', { subject: m.user.id, issuer: JWT_ISSUER });
    expect((await request(t.app.server).get('/api/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('403 for a non-administrator on an admin route; 200 for an administrator', async () => {
    const m = await buildOrg(t);
    const denied = await request(t.app.server).get('/api/admin/organizations').set(m.auth);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const admin = await buildAdmin(t);
    const ok = await request(t.app.server)
      .patch(`/api/admin/organizations/${m.organization.id}`)
      .set(admin.auth)
      .send({ verified: true });
    expect(ok.status).toBe(200);
    expect(ok.body.data.verified).toBe(true);
  });

  it('a suspended user’s token stops working', async () => {
    const m = await buildOrg(t);
    await t.models.User.updateOne({ _id: m.user.id }, { $set: { status: 'suspended' } });
    expect((await request(t.app.server).get('/api/me').set(m.auth)).status).toBe(401);
  });
});

describe('rate limiting', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({
      rateLimits: { login: 3, register: 2, refresh: 3, search: 3, message: 2, create: 2, mail: 2 },
    });
  });
  afterAll(async () => {
    await limited.close();
  });
  const expectLimited = (res: request.Response) => {
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('limits login attempts per address and email with a 429 and Retry-After', async () => {
    const body = { email: 'victim@example.vn', password: 'Wrong1234' };
    for (let i = 0; i < 3; i++)
      expect((await request(limited.app.server).post('/api/auth/login').send(body)).status).toBe(401);
    expectLimited(await request(limited.app.server).post('/api/auth/login').send(body));
    // Another account from the same address still gets its own attempts.
    const other = { email: 'someone-else@example.vn', password: 'Wrong1234' };
    expect((await request(limited.app.server).post('/api/auth/login').send(other)).status).toBe(401);
  });

  it('limits registrations per address', async () => {
    await buildOrg(limited);
    await buildOrg(limited);
    expectLimited(
      await request(limited.app.server)
        .post('/api/auth/register')
        .send({
          email: 'third@example.vn',
          password: PASSWORD,
          name: 'Third',
          organization: { name: 'Third', type: 'enterprise', province: 'HN' },
        }),
    );
  });

  it('limits searches per address', async () => {
    for (let i = 0; i < 3; i++)
      expect((await request(limited.app.server).get('/api/search').query({ q: 'tôm' })).status).toBe(200);
    expectLimited(await request(limited.app.server).get('/api/search').query({ q: 'tôm' }));
  });

  it('limits listing creation per user, not per address', async () => {
    const app = await startTestApp({
      rateLimits: { login: 1000, register: 1000, refresh: 1000, search: 1000, message: 1000, create: 2, mail: 1000 },
    });
    try {
      const a = await buildOrg(app, { type: 'research_institute', verified: true });
      const b = await buildOrg(app, { type: 'research_institute', verified: true });
      for (let i = 0; i < 2; i++)
        await buildListing(app, a, 'offer', { title: `Công nghệ thử số ${i}` }, { publish: false });
      const third = await request(app.app.server)
        .post('/api/offers')
        .set(a.auth)
        .send(offerInput({ title: 'Công nghệ thử số 3' }));
      expectLimited(third);
      // Another user from the same address still may.
      await buildListing(app, b, 'offer', { title: 'Công nghệ của người khác' }, { publish: false });
    } finally {
      await app.close();
    }
  });

  it('limits chat messages per user, answering the socket ack with rate_limited', async () => {
    const chat = await startTestApp({
      rateLimits: { login: 1000, register: 1000, refresh: 1000, search: 1000, message: 2, create: 1000, mail: 1000 },
    });
    const institute = await buildOrg(chat, { type: 'research_institute', verified: true });
    const buyer = await buildOrg(chat, { type: 'enterprise', verified: true });
    const offerId = (await buildListing(chat, institute, 'offer')).id;
    const dealId = (await request(chat.app.server).post('/api/deals').set(buyer.auth).send({ offerId })).body.data.id;
    const socket = await connectAs(chat, buyer.accessToken);
    try {
      const send = () =>
        new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) =>
          socket.emit('message:send', { dealId, body: 'Chào', clientId: crypto.randomUUID() }, resolve as never),
        );
      expect((await send()).ok).toBe(true);
      expect((await send()).ok).toBe(true);
      const third = await send();
      expect(third.ok).toBe(false);
      expect(third.error?.code).toBe('rate_limited');
      expect(third.error?.message).toMatch(/try again in \d+ s/);
      expect(await chat.models.Message.countDocuments({ dealId })).toBe(2);
    } finally {
      socket.close();
      await chat.close();
    }
  });
});
