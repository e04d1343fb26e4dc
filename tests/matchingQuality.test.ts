import request from 'supertest';
import { worldDemands, worldOffers } from '../server/src/demo/world';
import { startTestApp, type TestApp } from './helpers/app';
import { buildOrg, type Member } from './helpers/factories';

/**
 * A hand-labelled fixture (the demo world's published listings): for each
 * demand, the offers a domain expert would put forward. A relevant offer must
 * be in the top 3 for at least 80% of the demands that have one. Offers and
 * demands are published by two organisations (one per side), so every pair may match.
 */
const demoOffers = worldOffers.filter((o) => o.status === 'published');
const demoDemands = worldDemands.filter((d) => d.status === 'published');

describe('matching quality on the labelled fixture', () => {
  jest.setTimeout(900_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('puts a relevant offer in the top 3 for at least 80% of demands', async () => {
    const owners: Record<'offer' | 'demand', Member> = {
      offer: await buildOrg(t, { type: 'research_institute', verified: true, province: 'HCM' }),
      demand: await buildOrg(t, { type: 'enterprise', verified: true, province: 'CTO' }),
    };
    const offerIds = new Map<string, string>();
    const publish = async (path: string, owner: Member, input: object) => {
      const created = await request(t.app.server).post(path).set(owner.auth).send(input);
      expect(created.status).toBe(201);
      const published = await request(t.app.server).post(`${path}/${created.body.data.id}/publish`).set(owner.auth);
      expect(published.body.data.status).toBe('published');
      return created.body.data.id as string;
    };
    for (const o of demoOffers) offerIds.set(await publish('/api/offers', owners.offer, o.input), o.key);
    await t.workers.searchSync.settled(300_000);
    const demandIds = new Map<string, (typeof demoDemands)[number]>();
    for (const d of demoDemands) demandIds.set(await publish('/api/demands', owners.demand, d.input), d);
    await t.workers.matcher.settled(600_000);

    const rows: string[] = [];
    let labelled = 0;
    let hits = 0;
    for (const [id, demand] of demandIds) {
      const res = await request(t.app.server).get(`/api/demands/${id}/matches`).set(owners.demand.auth);
      expect(res.status).toBe(200);
      const ranked = res.body.data.map(
        (m: { offer: { id: string }; score: number }) => `${offerIds.get(m.offer.id)}(${m.score})`,
      );
      const top3 = res.body.data.slice(0, 3).map((m: { offer: { id: string } }) => offerIds.get(m.offer.id));
      if (!demand.relevantOffers.length) {
        rows.push(`  ${demand.key}: no relevant offer; matched ${ranked.slice(0, 3).join(', ') || 'nothing'}`);
        continue;
      }
      labelled += 1;
      const ok = demand.relevantOffers.some((k) => top3.includes(k));
      if (ok) hits += 1;
      rows.push(
        `  ${ok ? '✓' : '✗'} ${demand.key}: expected ${demand.relevantOffers.join('|')}; top ${ranked.slice(0, 3).join(', ')}`,
      );
    }
    const rate = hits / labelled;
    console.log(
      `Matching quality: relevant offer in top 3 for ${hits}/${labelled} demands (${Math.round(rate * 100)}%)\n${rows.join('\n')}`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });
});
