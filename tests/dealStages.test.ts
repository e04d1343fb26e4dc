import {
  type DealParty,
  type DealStage,
  dealParties,
  dealStages,
  isClosedStage,
  stageAction,
} from '@techbridge/shared';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * The stage table (shared/src/dealStages.ts), enforced by the server for
 * every role, every stage and every target: a move applies, a proposal waits
 * for the other side, anything else is refused (403 for the role, 409 for the
 * state). Then the rules that matter most, in full: a broker never closes, a
 * `won` needs the other party, reopening needs both, and statistics count
 * only confirmed outcomes.
 */

let t: TestApp;
let owner: Member;
let initiator: Member;
let broker: Member;
let offerId: string;
const api = () => request(t.app.server);
const outcome = { contractType: 'license_non_exclusive', valueVnd: 900_000_000, date: '2026-10-01' };

beforeAll(async () => {
  t = await startTestApp();
  owner = await buildOrg(t, { type: 'research_institute', verified: true, province: 'DNG' });
  initiator = await buildOrg(t, { type: 'enterprise', verified: true });
  broker = await buildOrg(t, { type: 'intermediary', verified: true });
  offerId = (await buildListing(t, owner, 'offer', { province: 'DNG' })).id;
});
afterAll(async () => {
  await t.close();
});

const member = (role: DealParty) => ({ owner, initiator, intermediary: broker })[role];

/** A deal with the broker in it, put straight into `stage` (with the history that leads there). */
async function dealAt(stage: DealStage, reuse?: string): Promise<string> {
  const id = reuse ?? ((await api().post('/api/deals').set(initiator.auth).send({ offerId })).body.data.id as string);
  if (!reuse)
    await api()
      .post(`/api/deals/${id}/intermediary`)
      .set(initiator.auth)
      .send({ organizationId: broker.organization.id });
  const path: DealStage[] = isClosedStage(stage) ? ['interest', 'negotiation', stage] : ['interest', stage];
  await t.models.Deal.updateOne(
    { _id: id },
    {
      $set: {
        stage,
        pending: null,
        outcome: null,
        openKey: isClosedStage(stage) ? `closed:${id}` : `offer:${offerId}:${initiator.organization.id}`,
        history: path.map((s) => ({ stage: s, at: new Date(), byUserId: owner.user.id, byName: 'x' })),
        ...(stage === 'won' ? { outcome: { ...outcome, date: new Date(outcome.date), confirmedAt: new Date() } } : {}),
      },
    },
  );
  if (isClosedStage(stage))
    await t.models.OpenDeals.deleteOne({ _id: `offer:${offerId}:${initiator.organization.id}` });
  return id;
}

describe('the stage table, enforced for every role', () => {
  it.each(dealStages.map((s) => [s]))('from %s', async (from) => {
    const mismatches: string[] = [];
    let id = '';
    for (const role of dealParties) {
      for (const to of dealStages) {
        id = await dealAt(from, id || undefined);
        const history = isClosedStage(from) ? [{ stage: 'interest' }, { stage: 'negotiation' }, { stage: from }] : [];
        const expected = stageAction(role, from, to, history);
        const body = { stage: to, ...(to === 'won' ? { outcome } : {}) };
        const res = await api().patch(`/api/deals/${id}/stage`).set(member(role).auth).send(body);
        const got =
          res.status === 200
            ? res.body.data.stage === to
              ? 'move'
              : res.body.data.pending?.stage === to
                ? 'propose'
                : 'nothing'
            : [403, 409].includes(res.status)
              ? null
              : `status ${res.status}`;
        if (got !== expected) mismatches.push(`${role}: ${from} → ${to}: expected ${expected}, got ${got}`);
      }
    }
    // Closed, so the pair can open the next one.
    await t.models.Deal.updateOne({ _id: id }, { $set: { stage: 'lost', openKey: `closed:${id}` } });
    await t.models.OpenDeals.deleteOne({ _id: `offer:${offerId}:${initiator.organization.id}` });
    expect(mismatches).toEqual([]);
  });

  it('says which actions each role has, in the deal it presents', async () => {
    const id = await dealAt('agreement');
    const seen = async (m: Member) => (await api().get(`/api/deals/${id}`).set(m.auth)).body.data.policies.stages;
    expect(await seen(owner)).toEqual([
      { stage: 'negotiation', action: 'move' },
      { stage: 'won', action: 'propose' },
      { stage: 'lost', action: 'propose' },
    ]);
    expect(await seen(broker)).toEqual([
      { stage: 'won', action: 'propose' },
      { stage: 'lost', action: 'propose' },
    ]);
  });
});

describe('closing and reopening', () => {
  it('a broker proposes a win, never makes it: both parties confirm, then it counts in the statistics', async () => {
    const admin = await buildAdmin(t);
    const stats = async () =>
      (await api().get('/api/stats').set(admin.auth).query({ province: 'DNG' })).body.data as {
        outcomes: { count: number; valueVnd: number };
      };
    const before = await stats();
    const id = await dealAt('agreement');
    const proposed = await api().patch(`/api/deals/${id}/stage`).set(broker.auth).send({ stage: 'won', outcome });
    expect(proposed.body.data).toMatchObject({
      stage: 'agreement',
      pending: { stage: 'won', awaiting: ['owner', 'initiator'] },
    });
    // The broker cannot confirm its own proposal, nor can a party confirm twice.
    expect((await api().post(`/api/deals/${id}/stage/confirm`).set(broker.auth).send({})).status).toBe(403);
    const half = await api().post(`/api/deals/${id}/stage/confirm`).set(owner.auth).send({ stage: 'won' });
    expect(half.body.data).toMatchObject({ stage: 'agreement', pending: { awaiting: ['initiator'] } });
    expect((await api().post(`/api/deals/${id}/stage/confirm`).set(owner.auth).send({})).status).toBe(403);
    expect((await stats()).outcomes.count).toBe(before.outcomes.count);
    const done = await api().post(`/api/deals/${id}/stage/confirm`).set(initiator.auth).send({ stage: 'won' });
    expect(done.body.data).toMatchObject({
      stage: 'won',
      outcome: { valueVnd: 900_000_000, confirmedAt: expect.any(String) },
    });
    expect((await stats()).outcomes).toMatchObject({
      count: before.outcomes.count + 1,
      valueVnd: before.outcomes.valueVnd + 900_000_000,
    });
  });

  it('one party alone cannot close as won; the other may decline; an absurd value is refused', async () => {
    const id = await dealAt('agreement');
    const huge = await api()
      .patch(`/api/deals/${id}/stage`)
      .set(owner.auth)
      .send({ stage: 'won', outcome: { ...outcome, valueVnd: 1e15 } });
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields['outcome.valueVnd']).toBeDefined();
    const proposed = await api().patch(`/api/deals/${id}/stage`).set(owner.auth).send({ stage: 'won', outcome });
    expect(proposed.body.data.stage).toBe('agreement');
    // A second proposal waits for the first.
    expect((await api().patch(`/api/deals/${id}/stage`).set(initiator.auth).send({ stage: 'lost' })).status).toBe(409);
    // Confirming a proposal other than the one waiting is refused.
    expect(
      (await api().post(`/api/deals/${id}/stage/confirm`).set(initiator.auth).send({ stage: 'lost' })).status,
    ).toBe(409);
    const declined = await api()
      .post(`/api/deals/${id}/stage/decline`)
      .set(initiator.auth)
      .send({ note: 'Giá chưa ổn' });
    expect(declined.body.data).toMatchObject({ stage: 'agreement', pending: null, outcome: null });
    // The proposer may also withdraw its own.
    await api().patch(`/api/deals/${id}/stage`).set(owner.auth).send({ stage: 'lost' });
    const withdrawn = await api().post(`/api/deals/${id}/stage/decline`).set(owner.auth).send({});
    expect(withdrawn.body.data.pending).toBeNull();
    await t.settle();
    const journal = (await api().get(`/api/deals/${id}/audit`).set(owner.auth)).body.data.map(
      (e: { action: string }) => e.action,
    );
    expect(journal).toEqual(
      expect.arrayContaining([
        'deal.opened',
        'deal.intermediary_invited',
        'deal.stage_proposed',
        'deal.stage_declined',
        'deal.stage_withdrawn',
      ]),
    );
  });

  it('a closed deal reopens only when both parties agree, where it was closed', async () => {
    const id = await dealAt('lost');
    const reopen = await api().patch(`/api/deals/${id}/stage`).set(initiator.auth).send({ stage: 'negotiation' });
    expect(reopen.body.data).toMatchObject({ stage: 'lost', pending: { stage: 'negotiation', awaiting: ['owner'] } });
    const byBroker = await api().patch(`/api/deals/${id}/stage`).set(broker.auth).send({ stage: 'negotiation' });
    expect(byBroker.status).toBe(403);
    const back = await api().post(`/api/deals/${id}/stage/confirm`).set(owner.auth).send({});
    expect(back.body.data).toMatchObject({ stage: 'negotiation', pending: null });
    // It holds the pair's open key again: asking to open a deal returns it.
    const again = await api().post('/api/deals').set(initiator.auth).send({ offerId });
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(id);
    await t.models.Deal.updateOne({ _id: id }, { $set: { stage: 'lost', openKey: `closed:${id}` } });
    await t.models.OpenDeals.deleteOne({ _id: `offer:${offerId}:${initiator.organization.id}` });
  });
});
