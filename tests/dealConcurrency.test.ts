import crypto from 'node:crypto';
import { NDA } from '@techbridge/shared';
import request from 'supertest';
import type { Config } from '../server/src/platform/config';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';
import { type ClientSocket, connectAs } from './helpers/sockets';

/**
 * Concurrent writes to one deal, on one instance and across two instances on
 * one database: every request answered 2xx left its change in the deal (none
 * is lost to another's write), the others answered 409, and identical
 * requests apply once. Every write to a deal takes the deal's lease
 * (platform/lease.ts).
 */

async function startPair(): Promise<[TestApp, TestApp]> {
  const id = crypto.randomBytes(5).toString('hex');
  const shared: Partial<Config> = {
    mongodbDb: `t_${id}`,
    meiliIndexPrefix: `t_${id}_`,
    jwtSecret: crypto.randomBytes(32).toString('hex'),
  };
  const a = await startTestApp(shared);
  const b = await startTestApp(shared);
  return [a, b];
}

// Many requests per test, on a machine that may be busy.
jest.setTimeout(120_000);

const sockets: ClientSocket[] = [];
let a: TestApp;
let b: TestApp;
let institute: Member;
let enterprise: Member;
let broker: Member;
let offerId: string;

beforeAll(async () => {
  [a, b] = await startPair();
  institute = await buildOrg(a, { type: 'research_institute', verified: true });
  enterprise = await buildOrg(a, { type: 'enterprise', verified: true });
  broker = await buildOrg(a, { type: 'intermediary', verified: true });
  offerId = (await buildListing(a, institute, 'offer')).id;
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await b?.close();
  await a?.close();
});

/** Opens a fresh deal (each test closes its deals: that frees the pair) and returns its id. */
async function freshDeal(): Promise<string> {
  const open = await request(a.app.server).post('/api/deals').set(enterprise.auth).send({ offerId });
  if (open.status === 200) {
    // One a failed test left open: close it, then open the fresh one.
    await closeDeal(open.body.data.id);
    return freshDeal();
  }
  expect(open.status).toBe(201);
  return open.body.data.id as string;
}
/** Closes a deal as lost: at once at `interest`, else proposed by the owner and confirmed by the initiator. */
async function closeDeal(id: string) {
  const current = await deal(a, id);
  if (current.stage === 'won' || current.stage === 'lost') return;
  if (current.pending)
    await request(a.app.server).post(`/api/deals/${id}/stage/decline`).set(institute.auth).send({}).expect(200);
  const lost = await request(a.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage: 'lost' });
  expect(lost.status).toBe(200);
  if (lost.body.data.stage === 'lost') return;
  const confirmed = await request(a.app.server).post(`/api/deals/${id}/stage/confirm`).set(enterprise.auth).send({});
  expect(confirmed.body.data.stage).toBe('lost');
}
const deal = async (t: TestApp, id: string) =>
  (await request(t.app.server).get(`/api/deals/${id}`).set(institute.auth)).body.data;

describe('concurrent writes to one deal', () => {
  const rounds = 10;

  it.each([
    ['one instance', () => [a, a] as const],
    ['two instances', () => [a, b] as const],
  ])('a stage change and an invitation sent together both apply, every round (%s)', async (_name, instances) => {
    const [x, y] = instances();
    const tally = { both: 0, conflicts: 0, lost: 0 };
    for (let round = 0; round < rounds; round++) {
      const id = await freshDeal();
      const [stage, invite] = await Promise.all([
        request(x.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage: 'contacted' }),
        request(y.app.server)
          .post(`/api/deals/${id}/intermediary`)
          .set(enterprise.auth)
          .send({ organizationId: broker.organization.id }),
      ]);
      const after = await deal(a, id);
      if (stage.status === 200 && after.stage !== 'contacted') tally.lost++;
      if (invite.status === 200 && after.intermediary?.id !== broker.organization.id) tally.lost++;
      for (const res of [stage, invite]) expect([200, 409]).toContain(res.status);
      if (stage.status === 200 && invite.status === 200) tally.both++;
      else tally.conflicts++;
      // The broker that was told "200" reads the deal.
      if (invite.status === 200)
        expect((await request(a.app.server).get(`/api/deals/${id}`).set(broker.auth)).status).toBe(200);
      await closeDeal(id);
    }
    console.log(`stage + invitation, ${_name}: ${JSON.stringify(tally)} in ${rounds} rounds`);
    expect(tally.lost).toBe(0);
    // Serialised, not refused: both changes are compatible, so both apply.
    expect(tally.both).toBe(rounds);
  });

  it.each([
    ['one instance', () => [a, a, a, a, a] as const],
    ['two instances', () => [a, b, a, b, a] as const],
  ])('five simultaneous NDA acceptances: one 200, four 409, one journal entry (%s)', async (_name, instances) => {
    const id = await freshDeal();
    const results = await Promise.all(
      instances().map((t) =>
        request(t.app.server).post(`/api/deals/${id}/nda/accept`).set(enterprise.auth).send({ version: NDA.version }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    await Promise.all([a.workers.outbox.settled(), b.workers.outbox.settled()]);
    const journal = (await request(a.app.server).get(`/api/deals/${id}/audit`).set(institute.auth)).body.data;
    expect(journal.filter((e: { action: string }) => e.action === 'nda.accepted')).toHaveLength(1);
    const after = await deal(b, id);
    expect(after).toMatchObject({ stage: 'nda', nda: { status: 'accepted' } });
    expect(after.history.filter((h: { stage: string }) => h.stage === 'nda')).toHaveLength(1);
    await closeDeal(id);
  });

  it('every kind at once across two instances (stage, invitation, NDA, chat): nothing acknowledged is lost', async () => {
    const id = await freshDeal();
    // Bring the deal to negotiation first.
    await request(a.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage: 'contacted' });
    const sender = await connectAs(b, enterprise.accessToken);
    sockets.push(sender);
    const message = new Promise<{ ok: boolean }>((resolve) =>
      sender.emit('message:send', { dealId: id, body: 'Cùng lúc', clientId: `same-time-${Date.now()}` }, resolve),
    );
    const [accept, invite, move, sent] = await Promise.all([
      request(a.app.server).post(`/api/deals/${id}/nda/accept`).set(enterprise.auth).send({ version: NDA.version }),
      request(b.app.server)
        .post(`/api/deals/${id}/intermediary`)
        .set(institute.auth)
        .send({ organizationId: broker.organization.id }),
      request(b.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage: 'negotiation' }),
      message,
    ]);
    const after = await deal(a, id);
    expect(sent.ok).toBe(true);
    expect(after.lastSeq).toBeGreaterThanOrEqual(1);
    if (accept.status === 200) expect(after.nda.status).toBe('accepted');
    if (invite.status === 200) expect(after.intermediary?.id).toBe(broker.organization.id);
    if (move.status === 200) expect(after.history.some((h: { stage: string }) => h.stage === 'negotiation')).toBe(true);
    for (const res of [accept, invite, move]) expect([200, 409]).toContain(res.status);
    expect(invite.status).toBe(200);
    await closeDeal(id);
  });

  it('a request retried with the same Idempotency-Key applies once, even when both copies arrive together', async () => {
    const id = await freshDeal();
    const key = `retry-${crypto.randomUUID()}`;
    const send = (t: TestApp) =>
      request(t.app.server)
        .patch(`/api/deals/${id}/stage`)
        .set({ ...institute.auth, 'Idempotency-Key': key })
        .send({ stage: 'contacted' });
    const replies = await Promise.all([send(a), send(b), send(a)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const after = await deal(a, id);
    expect(after.history.filter((h: { stage: string }) => h.stage === 'contacted')).toHaveLength(1);
    // Without the key, moving to the stage it is in is refused: no second identical notification.
    const again = await request(a.app.server)
      .patch(`/api/deals/${id}/stage`)
      .set(institute.auth)
      .send({ stage: 'contacted' });
    expect(again.status).toBe(409);
    const bad = await request(a.app.server)
      .patch(`/api/deals/${id}/stage`)
      .set({ ...institute.auth, 'Idempotency-Key': 'x y' })
      .send({ stage: 'nda' });
    expect(bad.status).toBe(400);
    await closeDeal(id);
  });

  it('an outcome confirmed while its proposer withdraws it, across two instances: exactly one applies', async () => {
    const outcome = { contractType: 'license_non_exclusive', valueVnd: 500_000_000, date: '2026-09-01' };
    const tally = { confirmed: 0, withdrawn: 0 };
    for (let round = 0; round < 6; round++) {
      const id = await freshDeal();
      for (const stage of ['contacted', 'negotiation', 'agreement'])
        await request(a.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage }).expect(200);
      await request(a.app.server).patch(`/api/deals/${id}/stage`).set(institute.auth).send({ stage: 'won', outcome });
      const [confirm, withdraw] = await Promise.all([
        request(a.app.server).post(`/api/deals/${id}/stage/confirm`).set(enterprise.auth).send({ stage: 'won' }),
        request(b.app.server).post(`/api/deals/${id}/stage/decline`).set(institute.auth).send({ stage: 'won' }),
      ]);
      expect([confirm.status, withdraw.status].sort()).toEqual([200, 409]);
      const after = await deal(b, id);
      if (confirm.status === 200) {
        tally.confirmed++;
        expect(after).toMatchObject({ stage: 'won', pending: null, outcome: { valueVnd: 500_000_000 } });
      } else {
        tally.withdrawn++;
        expect(after).toMatchObject({ stage: 'agreement', pending: null, outcome: null });
        await closeDeal(id);
      }
    }
    console.log(`confirm vs withdraw, two instances: ${JSON.stringify(tally)}`);
  });

  it('a proposal revised while the demand owner shortlists it, across two instances: both apply', async () => {
    const demandId = (await buildListing(a, enterprise, 'demand')).id;
    const body = (approach: string) => ({
      demandId,
      approach,
      timelineMonths: 6,
      trl: 6,
      trlEvidence: 'Đã thử nghiệm tại hiện trường trong 6 tháng.',
    });
    const first = await request(a.app.server)
      .post('/api/proposals')
      .set(institute.auth)
      .send(body('Phương án ban đầu với bể lọc sinh học.'));
    const id = first.body.data.id as string;
    const [revise, shortlist] = await Promise.all([
      request(b.app.server)
        .post('/api/proposals')
        .set(institute.auth)
        .send(body('Phương án sửa đổi với màng lọc MBR.')),
      request(a.app.server).post(`/api/deals/${id}/proposal/shortlist`).set(enterprise.auth),
    ]);
    expect([revise.status, shortlist.status]).toEqual([200, 200]);
    const after = await deal(a, id);
    expect(after.proposal).toMatchObject({ status: 'shortlisted', approach: 'Phương án sửa đổi với màng lọc MBR.' });
    await Promise.all([a.workers.outbox.settled(), b.workers.outbox.settled()]);
    // One notification per change: the owner's members hear of the proposal and its revision, once each.
    const notes = (await request(a.app.server).get('/api/notifications').set(enterprise.auth)).body.data as {
      type: string;
      data: { dealId: string };
    }[];
    expect(notes.filter((n) => n.type === 'deal.proposal' && n.data.dealId === id)).toHaveLength(2);
  });

  it('thirty messages sent through two instances at once are numbered 1…30 without gaps', async () => {
    const id = await freshDeal();
    const [x, y] = [await connectAs(a, enterprise.accessToken), await connectAs(b, institute.accessToken)];
    sockets.push(x, y);
    const acks = await Promise.all(
      Array.from(
        { length: 30 },
        (_, i) =>
          new Promise<{ ok: boolean; message?: { seq: number } }>((resolve) =>
            (i % 2 ? y : x).emit(
              'message:send',
              { dealId: id, body: `tin ${i}`, clientId: `pair-${i}-${id}` },
              resolve,
            ),
          ),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(acks.map((ack) => ack.message!.seq).sort((p, q) => p - q)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    await closeDeal(id);
  });
});
