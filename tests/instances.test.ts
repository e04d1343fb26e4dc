import crypto from 'node:crypto';
import type { MatchDto, MessageDto } from '@techbridge/shared';
import request from 'supertest';
import type { Config } from '../server/src/platform/config';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, demandInput, type Member, offerInput, PASSWORD } from './helpers/factories';
import { startRedis, type TestRedis } from './helpers/redis';
import { type ClientSocket, connectAs, nextEvent } from './helpers/sockets';

/**
 * Two app instances on one database and one index, as behind a load balancer.
 * With REDIS_URL, Socket.IO events reach clients on either instance.
 */
async function startPair(extra: Partial<Config>): Promise<[TestApp, TestApp]> {
  const id = crypto.randomBytes(5).toString('hex');
  const shared: Partial<Config> = {
    mongodbDb: `t_${id}`,
    meiliIndexPrefix: `t_${id}_`,
    jwtSecret: crypto.randomBytes(32).toString('hex'),
    ...extra,
  };
  const a = await startTestApp(shared);
  const b = await startTestApp(shared);
  return [a, b];
}

const sockets: ClientSocket[] = [];
async function connect(t: TestApp, m: Member) {
  const s = await connectAs(t, m.accessToken);
  sockets.push(s);
  return s;
}

/** Opens a deal between the two organisations through instance `t`; both join its room on their own instance. */
async function openDeal(t: TestApp, institute: Member, enterprise: Member): Promise<string> {
  const offerId = (await buildListing(t, institute, 'offer')).id;
  const res = await request(t.app.server).post('/api/deals').set(enterprise.auth).send({ offerId });
  expect(res.status).toBe(201);
  return res.body.data.id;
}

const join = (s: ClientSocket, dealId: string) =>
  new Promise<{ ok: boolean }>((resolve) => s.emit('deal:join', { dealId }, resolve as never));
const send = (s: ClientSocket, dealId: string, body: string) =>
  new Promise<{ ok: boolean; message?: MessageDto }>((resolve) =>
    s.emit('message:send', { dealId, body, clientId: crypto.randomUUID() }, resolve as never),
  );

afterAll(() => {
  for (const s of sockets) s.close();
});

describe('two instances with the Redis adapter', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let institute: Member;
  let enterprise: Member;

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await startPair({ redisUrl: redis.url });
    // Matches are produced on A only: B serves requests and sockets but runs no matcher.
    await b.workers.matcher.stop();
    institute = await buildOrg(a, { type: 'research_institute', verified: true, province: 'CTO' });
    enterprise = await buildOrg(b, { type: 'enterprise', verified: true, province: 'AGG' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.stop();
  });

  it('delivers a match produced through instance A to a client connected to instance B', async () => {
    const instituteOnB = await connect(b, institute);
    await buildListing(a, institute, 'offer', offerInput({ title: 'Hệ thống xử lý nước thải ao nuôi tôm tuần hoàn' }));
    await a.workers.searchSync.settled();
    const demandId = (await buildListing(a, enterprise, 'demand', demandInput())).id;
    const { match } = await nextEvent<{ match: MatchDto }>(
      instituteOnB,
      'match:new',
      10_000,
      (p) => p.match.demand.id === demandId,
    );
    expect(match.demand.organization.id).toBe(enterprise.organization.id);
    // The match exists because A's matcher made it: B's is stopped.
    expect(await a.models.Match.countDocuments({ demandId })).toBeGreaterThan(0);
  });

  it('delivers a chat message sent through instance B to a participant connected to instance A', async () => {
    const dealId = await openDeal(a, institute, enterprise);
    const instituteOnA = await connect(a, institute);
    const enterpriseOnB = await connect(b, enterprise);
    expect((await join(instituteOnA, dealId)).ok).toBe(true);
    expect((await join(enterpriseOnB, dealId)).ok).toBe(true);
    const sent = await send(enterpriseOnB, dealId, 'Xin chào từ máy chủ B');
    expect(sent.ok).toBe(true);
    const { message } = await nextEvent<{ message: MessageDto }>(
      instituteOnA,
      'message:new',
      5_000,
      (p) => p.message.id === sent.message?.id,
    );
    expect(message.body).toBe('Xin chào từ máy chủ B');
  });

  it('survives a Redis restart: requests go on meanwhile, and events cross instances again once it is back', async () => {
    const dealId = await openDeal(a, institute, enterprise);
    const instituteOnA = await connect(a, institute);
    const enterpriseOnB = await connect(b, enterprise);
    await join(instituteOnA, dealId);
    await join(enterpriseOnB, dealId);
    await redis.kill();
    // Rate-limited routes do not fail with their counter store down.
    const login = await request(a.app.server)
      .post('/api/auth/login')
      .send({ email: enterprise.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect((await request(b.app.server).get('/api/search').query({ q: 'tôm' })).status).toBe(200);
    redis = await startRedis(redis.port);
    // The clients reconnect and subscribe again on their own.
    await eventually(async () => {
      const sent = await send(enterpriseOnB, dealId, `Sau khi Redis khởi động lại ${Date.now()}`);
      expect(sent.ok).toBe(true);
      await nextEvent(
        instituteOnA,
        'message:new',
        1_000,
        (p: { message: MessageDto }) => p.message.id === sent.message?.id,
      );
    }, 20_000);
  });

  it('shares rate-limit budgets between the instances', async () => {
    const [x, y] = await startPair({
      redisUrl: redis.url,
      rateLimits: { login: 2, register: 1000, refresh: 1000, search: 1000, message: 1000, create: 1000, mail: 1000 },
    });
    try {
      const body = { email: 'shared-budget@example.vn', password: 'Wrong12345' };
      expect((await request(x.app.server).post('/api/auth/login').send(body)).status).toBe(401);
      expect((await request(y.app.server).post('/api/auth/login').send(body)).status).toBe(401);
      const third = await request(x.app.server).post('/api/auth/login').send(body);
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await y.close();
      await x.close();
    }
  });
});

describe('two instances without an adapter (the control)', () => {
  it('does not deliver a message sent through B to a client on A', async () => {
    const [a, b] = await startPair({});
    try {
      const institute = await buildOrg(a, { type: 'research_institute', verified: true });
      const enterprise = await buildOrg(a, { type: 'enterprise', verified: true });
      const dealId = await openDeal(a, institute, enterprise);
      const instituteOnA = await connect(a, institute);
      const enterpriseOnB = await connect(b, enterprise);
      await join(instituteOnA, dealId);
      await join(enterpriseOnB, dealId);
      const sent = await send(enterpriseOnB, dealId, 'Không ai nghe thấy');
      expect(sent.ok).toBe(true);
      // B itself delivers it to its own client, so the send did go out…
      await nextEvent(
        enterpriseOnB,
        'message:new',
        5_000,
        (p: { message: MessageDto }) => p.message.id === sent.message?.id,
      );
      // …but never across to A.
      await expect(
        nextEvent(
          instituteOnA,
          'message:new',
          1_500,
          (p: { message: MessageDto }) => p.message.id === sent.message?.id,
        ),
      ).rejects.toThrow('no message:new');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
