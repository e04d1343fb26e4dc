import request from 'supertest';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { background, type Op, requestScans, spy, summary } from './helpers/dbSpy';
import { buildListing, buildOrg, type Member } from './helpers/factories';
import { type ClientSocket, connectAs } from './helpers/sockets';

/**
 * What hot request paths cost in database operations, counted with a spy on
 * the connection (Mongoose's per-connection debug hook, which sees every
 * collection call): listing an organisation's deals and sending a chat
 * message, its delivery included. On FerretDB only a bare `{_id}` filter is
 * answered from an index; any other filter reads the whole collection. So
 * the count may grow with the records shown, but no operation may scan.
 */
let t: TestApp;
let institute: Member;
let enterprise: Member;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe('database operations of hot request paths', () => {
  it('lists an organisation’s deals by _id lookups alone, whatever their number', async () => {
    const counts: Record<number, number> = {};
    let last: Op[] = [];
    for (const n of [1, 5, 10]) {
      while (((await request(t.app.server).get('/api/deals').set(enterprise.auth)).body.data as unknown[]).length < n) {
        const offer = await buildListing(t, institute, 'offer', {
          title: `Thiết bị đo chi phí truy vấn ${Math.random()}`,
        });
        await request(t.app.server)
          .post('/api/deals')
          .set(enterprise.auth)
          .send({ offerId: offer.id, message: 'Xin chào' })
          .expect(201);
      }
      await t.settle();
      last = await spy(t, async () => {
        const res = await request(t.app.server).get('/api/deals').set(enterprise.auth).expect(200);
        expect(res.body.data).toHaveLength(n);
      });
      // The background loops' polls may fall inside the window: they are not the request's.
      last = last.filter((op) => !background(op));
      counts[n] = last.length;
      expect(requestScans(last)).toEqual([]);
    }
    console.log(
      `GET /deals: database operations by deals listed ${JSON.stringify(counts)}; with 10: ${JSON.stringify(summary(last))}`,
    );
    // Linear in the deals shown: a handful of reads per deal, no scan.
    expect(counts[10]).toBeLessThanOrEqual(counts[1] + 9 * 4);
  });

  it('stores and delivers a chat message by _id lookups alone', async () => {
    const offer = await buildListing(t, institute, 'offer', { title: 'Thiết bị đo chi phí tin nhắn' });
    const deal = (
      await request(t.app.server).post('/api/deals').set(enterprise.auth).send({ offerId: offer.id }).expect(201)
    ).body.data as { id: string };
    const [sender, receiver] = [await connectAs(t, enterprise.accessToken), await connectAs(t, institute.accessToken)];
    sockets.push(sender, receiver);
    await t.settle();
    const send = (body: string) =>
      new Promise<{ ok: boolean }>((resolve) =>
        sender.emit('message:send', { dealId: deal.id, body, clientId: `client-${Date.now()}` }, resolve),
      );
    const ops = await spy(t, async () => {
      expect(await send('Một')).toMatchObject({ ok: true });
      await eventually(async () => expect(receiver.received.some((r) => r.event === 'message:new')).toBe(true));
      await t.workers.outbox.settled();
    });
    console.log(
      `message:send, stored and delivered: ${ops.length} database operations ${JSON.stringify(summary(ops))}`,
    );
    // The outbox loop's own claim and the settling check read the outbox (its undelivered events only,
    // a handful); a message's event is delivered at once by the instance that stored it, without a claim.
    expect(requestScans(ops)).toEqual([]);
  });
});
