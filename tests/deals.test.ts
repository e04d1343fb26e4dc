import type { DealDto, MessageDto } from '@techbridge/shared';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, demandInput, type Member, offerInput } from './helpers/factories';
import { type ClientSocket, connectAs, nextEvent } from './helpers/sockets';

let t: TestApp;
let institute: Member;
let enterprise: Member;
let outsider: Member;
let offerId: string;
const sockets: ClientSocket[] = [];
const api = () => request(t.app.server);

async function connect(m: Member) {
  const s = await connectAs(t, m.accessToken);
  sockets.push(s);
  return s;
}
type AckReply = {
  ok: boolean;
  message?: MessageDto;
  error?: { code: string; fields?: Record<string, string> };
  lastSeq?: number;
};
const emitAck = (s: ClientSocket, event: string, payload: unknown) =>
  new Promise<AckReply>((resolve) =>
    (s.emit as (e: string, p: unknown, cb: (r: AckReply) => void) => void)(event, payload, resolve),
  );

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true, province: 'CTO' });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true, province: 'CTO' });
  outsider = await buildOrg(t, { type: 'enterprise', verified: true, province: 'HN' });
  offerId = (await buildListing(t, institute, 'offer', offerInput())).id;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe('opening deals', () => {
  it('opens a deal from an offer; a second request returns the same deal', async () => {
    const first = await api()
      .post('/api/deals')
      .set(enterprise.auth)
      .send({ offerId, message: 'Chúng tôi quan tâm công nghệ này' });
    expect(first.status).toBe(201);
    const deal: DealDto = first.body.data;
    expect(deal).toMatchObject({ stage: 'interest', listing: { type: 'offer', id: offerId }, offer: { id: offerId } });
    expect(deal.owner.id).toBe(institute.organization.id);
    expect(deal.initiator.id).toBe(enterprise.organization.id);
    expect(deal.confidential).toBeNull();
    const again = await api().post('/api/deals').set(enterprise.auth).send({ offerId });
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(deal.id);
    const history = await api().get(`/api/deals/${deal.id}/messages`).set(institute.auth);
    expect(history.body.data.map((m: MessageDto) => m.body)).toEqual(['Chúng tôi quan tâm công nghệ này']);
    expect((await api().post('/api/deals').set(institute.auth).send({ offerId })).status).toBe(400);
    expect((await api().post('/api/deals').set(enterprise.auth).send({})).status).toBe(400);
  });

  it('opens a deal from a match and marks the match contacted', async () => {
    const demand = await buildListing(
      t,
      enterprise,
      'demand',
      demandInput({
        title: 'Cần quy trình nuôi tôm tuần hoàn RAS',
        keywords: ['tôm thẻ', 'RAS'],
        sectors: ['aquaculture'],
      }),
    );
    await t.workers.matcher.settled();
    const matches = await api().get(`/api/demands/${demand.id}/matches`).set(enterprise.auth);
    const match = matches.body.data.find((m: { offer: { id: string } }) => m.offer.id === offerId);
    expect(match).toBeDefined();
    const res = await api().post('/api/deals').set(enterprise.auth).send({ matchId: match.id });
    expect([200, 201]).toContain(res.status);
    expect(res.body.data.offer.id).toBe(offerId);
    const after = await api().get(`/api/demands/${demand.id}/matches`).set(enterprise.auth);
    expect(after.body.data.find((m: { id: string }) => m.id === match.id).state).toBe('contacted');
    expect((await api().post('/api/deals').set(outsider.auth).send({ matchId: match.id })).status).toBe(404);
  });

  it('keeps outsiders out: no deal, no history, no room', async () => {
    const deal = (await api().post('/api/deals').set(enterprise.auth).send({ offerId })).body.data;
    expect((await api().get(`/api/deals/${deal.id}`).set(outsider.auth)).status).toBe(404);
    expect((await api().get(`/api/deals/${deal.id}/messages`).set(outsider.auth)).status).toBe(404);
    expect((await api().get('/api/deals').set(outsider.auth)).body.data).toEqual([]);
    const s = await connect(outsider);
    const join = await emitAck(s, 'deal:join', { dealId: deal.id });
    expect(join).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const send = await emitAck(s, 'message:send', { dealId: deal.id, body: 'xin chào', clientId: 'outsider-001' });
    expect(send.ok).toBe(false);
    const bad = await emitAck(s, 'message:send', { dealId: 'nope', body: '', clientId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(Object.keys(bad.error?.fields ?? {}).sort()).toEqual(['body', 'clientId', 'dealId']);
  });
});

describe('live chat', () => {
  let dealId: string;
  beforeAll(async () => {
    dealId = (await api().post('/api/deals').set(enterprise.auth).send({ offerId })).body.data.id;
  });

  it('delivers five messages live, in order, once each; a resend with the same clientId creates no copy', async () => {
    const sender = await connect(enterprise);
    const receiver = await connect(institute);
    const bystander = await connect(outsider);
    expect((await emitAck(sender, 'deal:join', { dealId })).ok).toBe(true);
    expect((await emitAck(receiver, 'deal:join', { dealId })).ok).toBe(true);
    const before = receiver.received.length;
    const acks: AckReply[] = [];
    for (let i = 1; i <= 5; i++)
      acks.push(await emitAck(sender, 'message:send', { dealId, body: `Tin nhắn ${i}`, clientId: `client-msg-${i}` }));
    expect(acks.every((a) => a.ok)).toBe(true);
    const seqs = acks.map((a) => a.message!.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const resend = await emitAck(sender, 'message:send', { dealId, body: 'Tin nhắn 3', clientId: 'client-msg-3' });
    expect(resend.message?.id).toBe(acks[2].message!.id);
    await nextEvent<{ message: MessageDto }>(receiver, 'message:new', 3000, (p) => p.message.body === 'Tin nhắn 5');
    await t.workers.outbox.settled();
    const live = receiver.received
      .slice(before)
      .filter((r) => r.event === 'message:new')
      .map((r) => (r.payload as { message: MessageDto }).message.body);
    expect(live).toEqual(['Tin nhắn 1', 'Tin nhắn 2', 'Tin nhắn 3', 'Tin nhắn 4', 'Tin nhắn 5']);
    expect(bystander.received.filter((r) => r.event === 'message:new')).toEqual([]);
    expect(await t.models.Message.countDocuments({ dealId, clientId: 'client-msg-3' })).toBe(1);
  });

  it('a client that was disconnected during two messages catches up with neither gaps nor duplicates', async () => {
    const sender = await connect(enterprise);
    let receiver = await connect(institute);
    await emitAck(sender, 'deal:join', { dealId });
    await emitAck(receiver, 'deal:join', { dealId });
    await emitAck(sender, 'message:send', { dealId, body: 'trước khi mất kết nối', clientId: 'catchup-0001' });
    const seen = await nextEvent<{ message: MessageDto }>(
      receiver,
      'message:new',
      3000,
      (p) => p.message.clientId === 'catchup-0001',
    );
    receiver.close();
    await emitAck(sender, 'message:send', { dealId, body: 'lúc offline 1', clientId: 'catchup-0002' });
    await emitAck(sender, 'message:send', { dealId, body: 'lúc offline 2', clientId: 'catchup-0003' });
    receiver = await connect(institute);
    const join = await emitAck(receiver, 'deal:join', { dealId });
    const missed = await api().get(`/api/deals/${dealId}/messages?after=${seen.message.seq}`).set(institute.auth);
    expect(missed.body.data.map((m: MessageDto) => m.body)).toEqual(['lúc offline 1', 'lúc offline 2']);
    expect(missed.body.data.map((m: MessageDto) => m.seq)).toEqual([seen.message.seq + 1, seen.message.seq + 2]);
    expect(join.lastSeq).toBe(seen.message.seq + 2);
    // The offline member was notified of the chat.
    await t.workers.outbox.settled();
    const notes = await api().get('/api/notifications').set(institute.auth);
    expect(
      notes.body.data.some(
        (n: { type: string; data: { dealId: string } }) => n.type === 'deal.message' && n.data.dealId === dealId,
      ),
    ).toBe(true);
  });

  it('pages history back with before=, newest last', async () => {
    const page = await api().get(`/api/deals/${dealId}/messages?limit=3`).set(institute.auth);
    const seqs = page.body.data.map((m: MessageDto) => m.seq);
    expect(seqs).toHaveLength(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const older = await api().get(`/api/deals/${dealId}/messages?limit=3&before=${seqs[0]}`).set(institute.auth);
    expect(older.body.data.map((m: MessageDto) => m.seq)).toEqual([seqs[0] - 3, seqs[0] - 2, seqs[0] - 1]);
  });

  it('stores markup as text and returns it escaped', async () => {
    const s = await connect(enterprise);
    const body = '<script>alert("x")</script> & <b>đậm</b>';
    const ack = await emitAck(s, 'message:send', { dealId, body, clientId: 'markup-0001' });
    expect(ack.message?.body).toBe(body);
    const raw = await api().get(`/api/deals/${dealId}/messages?limit=1`).set(institute.auth).buffer(true);
    expect(raw.text).not.toContain('<script>');
    expect(raw.text).toContain('\\u003cscript\\u003e');
    expect(JSON.parse(raw.text).data[0].body).toBe(body);
  });

  it('shows typing and read receipts to the other participants only', async () => {
    const a = await connect(enterprise);
    const b = await connect(institute);
    await emitAck(a, 'deal:join', { dealId });
    await emitAck(b, 'deal:join', { dealId });
    a.emit('typing', { dealId, typing: true });
    const typing = await nextEvent<{ userId: string; typing: boolean }>(b, 'typing', 2000);
    expect(typing).toMatchObject({ userId: enterprise.user.id, typing: true });
    b.emit('message:read', { dealId, seq: 3 });
    const read = await nextEvent<{ userId: string; seq: number }>(a, 'message:read', 2000);
    expect(read).toMatchObject({ userId: institute.user.id, seq: 3 });
  });
});

describe('confidential details behind the NDA', () => {
  it('are absent before the NDA, present after acceptance and approval for that counterpart only, absent after revocation — each step audited', async () => {
    const dealId = (await api().post('/api/deals').set(enterprise.auth).send({ offerId })).body.data.id;
    const third = await buildOrg(t, { type: 'enterprise', verified: true });
    const thirdDeal = (await api().post('/api/deals').set(third.auth).send({ offerId })).body.data.id;
    const secret = 'Bacillus';
    const confidentialOf = async (m: Member, id: string) => {
      const deal = await api().get(`/api/deals/${id}`).set(m.auth);
      const offer = await api().get(`/api/offers/${offerId}`).set(m.auth);
      return {
        deal: JSON.stringify(deal.body).includes(secret),
        offer: JSON.stringify(offer.body).includes(secret),
        nda: deal.body.data.nda,
      };
    };
    expect(await confidentialOf(enterprise, dealId)).toMatchObject({
      deal: false,
      offer: false,
      nda: { status: 'none', canAccept: true },
    });

    const nda = await api().get('/api/nda');
    expect(nda.body).toMatchObject({
      version: expect.any(String),
      vi: expect.stringContaining('BẢO MẬT'),
      en: expect.stringContaining('NON-DISCLOSURE'),
    });
    expect(
      (await api().post(`/api/deals/${dealId}/nda/accept`).set(enterprise.auth).send({ version: 'old' })).status,
    ).toBe(400);
    expect((await api().post(`/api/deals/${dealId}/nda/approve`).set(enterprise.auth)).status).toBe(403);
    const accepted = await api()
      .post(`/api/deals/${dealId}/nda/accept`)
      .set(enterprise.auth)
      .send({ version: nda.body.version });
    expect(accepted.status).toBe(200);
    expect(await confidentialOf(enterprise, dealId)).toMatchObject({
      deal: false,
      offer: false,
      nda: { status: 'accepted' },
    });

    const approved = await api().post(`/api/deals/${dealId}/nda/approve`).set(institute.auth);
    expect(approved.body.data.nda.status).toBe('granted');
    expect(await confidentialOf(enterprise, dealId)).toMatchObject({ deal: true, offer: true });
    // Another counterpart, in its own deal without an NDA, still sees nothing; nor does an outsider.
    expect(await confidentialOf(third, thirdDeal)).toMatchObject({ deal: false, offer: false });
    expect(JSON.stringify((await api().get(`/api/offers/${offerId}`).set(outsider.auth)).body)).not.toContain(secret);

    const revoked = await api().post(`/api/deals/${dealId}/nda/revoke`).set(institute.auth);
    expect(revoked.body.data.nda.status).toBe('revoked');
    expect(await confidentialOf(enterprise, dealId)).toMatchObject({ deal: false, offer: false });

    // The journal is written from each step's event.
    await t.workers.outbox.settled();
    const auditLog = await api().get(`/api/deals/${dealId}/audit`).set(enterprise.auth);
    const ndaEntries = auditLog.body.data.filter((e: { action: string }) => e.action.startsWith('nda.'));
    expect(ndaEntries.map((e: { action: string }) => e.action)).toEqual([
      'nda.accepted',
      'nda.approved',
      'nda.revoked',
    ]);
    expect(ndaEntries[0]).toMatchObject({
      actor: { id: enterprise.user.id },
      organization: { id: enterprise.organization.id },
      version: nda.body.version,
      // Addresses are for administrators only.
      ip: null,
    });
    expect((await api().get(`/api/deals/${dealId}/audit`).set(outsider.auth)).status).toBe(404);
  });

  it('lets the owner grant access directly', async () => {
    const other = await buildOrg(t, { type: 'enterprise', verified: true });
    const dealId = (await api().post('/api/deals').set(other.auth).send({ offerId })).body.data.id;
    const granted = await api().post(`/api/deals/${dealId}/nda/grant`).set(institute.auth);
    expect(granted.body.data.nda.status).toBe('granted');
    const seen = await api().get(`/api/deals/${dealId}`).set(other.auth);
    expect(seen.body.data.confidential.details).toContain('Bacillus');
  });
});

describe('stages, brokers and outcomes', () => {
  it('moves through stages with history, pushes deal:updated; won is proposed with the outcome and confirmed', async () => {
    const other = await buildOrg(t, { type: 'enterprise', verified: true });
    const dealId = (await api().post('/api/deals').set(other.auth).send({ offerId })).body.data.id;
    const watcher = await connect(institute);
    const stage = (m: Member, body: object) => api().patch(`/api/deals/${dealId}/stage`).set(m.auth).send(body);
    expect((await stage(institute, { stage: 'contacted' })).status).toBe(200);
    const moved = await stage(other, { stage: 'negotiation', note: 'Đã gặp trực tiếp' });
    expect(moved.body.data.stage).toBe('negotiation');
    const pushed = await nextEvent<{ deal: DealDto }>(
      watcher,
      'deal:updated',
      3000,
      (p) => p.deal.id === dealId && p.deal.stage === 'negotiation',
    );
    expect(pushed.deal.history.at(-1)).toMatchObject({
      stage: 'negotiation',
      by: { id: other.user.id },
      note: 'Đã gặp trực tiếp',
    });
    expect((await stage(other, { stage: 'agreement' })).status).toBe(200);

    const noOutcome = await stage(other, { stage: 'won' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.error.fields.outcome).toBeDefined();
    const badOutcome = await stage(other, {
      stage: 'won',
      outcome: { contractType: 'gift', valueVnd: -1, date: 'hôm qua' },
    });
    expect(Object.keys(badOutcome.body.error.fields).sort()).toEqual([
      'outcome.contractType',
      'outcome.date',
      'outcome.valueVnd',
    ]);
    const outcome = { contractType: 'license_non_exclusive', valueVnd: 850_000_000, date: '2026-11-20' };
    const proposed = await stage(institute, { stage: 'won', outcome });
    expect(proposed.body.data).toMatchObject({
      stage: 'agreement',
      outcome: null,
      pending: { stage: 'won', awaiting: ['initiator'] },
    });
    const won = await api().post(`/api/deals/${dealId}/stage/confirm`).set(other.auth).send({ stage: 'won' });
    expect(won.body.data).toMatchObject({
      stage: 'won',
      pending: null,
      outcome: { ...outcome, confirmedAt: expect.any(String) },
    });
    expect((await stage(other, { stage: 'lost' })).status).toBe(409);
    // A closed deal frees the pair: a new request opens a new deal.
    const reopened = await api().post('/api/deals').set(other.auth).send({ offerId });
    expect(reopened.status).toBe(201);
    expect(reopened.body.data.id).not.toBe(dealId);
  });

  it('an invited intermediary joins the deal, sees it in its broker workspace and receives its messages', async () => {
    const broker = await buildOrg(t, { type: 'intermediary', verified: true });
    const other = await buildOrg(t, { type: 'enterprise', verified: true });
    const dealId = (await api().post('/api/deals').set(other.auth).send({ offerId })).body.data.id;
    expect(
      (
        await api()
          .post(`/api/deals/${dealId}/intermediary`)
          .set(other.auth)
          .send({ organizationId: outsider.organization.id })
      ).status,
    ).toBe(400);
    const invited = await api()
      .post(`/api/deals/${dealId}/intermediary`)
      .set(other.auth)
      .send({ organizationId: broker.organization.id });
    expect(invited.body.data.intermediary.id).toBe(broker.organization.id);
    const workspace = await api().get('/api/deals?role=intermediary').set(broker.auth);
    expect(workspace.body.data.map((d: DealDto) => d.id)).toEqual([dealId]);
    const brokerSocket = await connect(broker);
    const sender = await connect(other);
    expect((await emitAck(brokerSocket, 'deal:join', { dealId })).ok).toBe(true);
    await emitAck(sender, 'message:send', { dealId, body: 'Nhờ anh chị tư vấn định giá', clientId: 'broker-0001' });
    const got = await nextEvent<{ message: MessageDto }>(
      brokerSocket,
      'message:new',
      3000,
      (p) => p.message.dealId === dealId,
    );
    expect(got.message.body).toBe('Nhờ anh chị tư vấn định giá');
  });
});

describe('concurrency', () => {
  it('numbers a burst of concurrent messages without gaps, duplicates or refusals', async () => {
    const other = await buildOrg(t, { type: 'enterprise', verified: true });
    const dealId = (await api().post('/api/deals').set(other.auth).send({ offerId })).body.data.id;
    const a = await connect(other);
    const b = await connect(institute);
    const sends = Array.from({ length: 30 }, (_, i) =>
      emitAck(i % 2 ? b : a, 'message:send', { dealId, body: `đồng thời ${i}`, clientId: `burst-${i}-xyz` }),
    );
    const acks = await Promise.all(sends);
    expect(acks.every((x) => x.ok)).toBe(true);
    const seqs = acks.map((x) => x.message!.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
