import { MATCH_THRESHOLD, type MatchDto, scoreMatch } from '@techbridge/shared';
import request from 'supertest';
import type { Demand, Offer } from '../server/src/modules/listings/model';
import { listingStore } from '../server/src/modules/listings/store';
import * as candidates from '../server/src/modules/matching/candidates';
import { matchId } from '../server/src/modules/matching/model';
import { rematchAll } from '../server/src/modules/matching/rematch';
import { matchStore } from '../server/src/modules/matching/store';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';
import { type ClientSocket, connectAs, nextEvent } from './helpers/sockets';

/**
 * How the matcher finds and keeps a pair's match: under an _id derived from
 * the pair, never reading the whole match collection (a listing's matches
 * are found through its key collection), yet still updating matches with
 * listings that are no longer candidates.
 */
let t: TestApp;
let institute: Member;
let enterprise: Member;
const sockets: ClientSocket[] = [];
const api = () => request(t.app.server);

/** An offer and a demand that match well, told apart from other tests' listings by a word of their own. */
const offerFor = (word: string) => ({
  title: `Hệ thống xử lý nước thải chế biến thủy sản ${word}`,
  summary: `Công nghệ xử lý nước thải nhà máy chế biến cá tra ${word} đạt QCVN 11.`,
  keywords: ['nước thải', word],
  sectors: ['environment', 'aquaculture'],
  transferModes: ['turnkey', 'license_non_exclusive'],
  trl: 7,
});
const demandFor = (word: string) => ({
  title: `Cần công nghệ xử lý nước thải chế biến thủy sản ${word}`,
  keywords: ['nước thải', word],
});

beforeAll(async () => {
  t = await startTestApp();
  institute = await buildOrg(t, { type: 'research_institute', verified: true, province: 'CTO' });
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true, province: 'AGG' });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

async function settle() {
  await t.workers.searchSync.settled();
  await t.workers.matcher.settled();
  await t.workers.outbox.settled();
}

describe('match ids', () => {
  it('stores a pair’s match under the _id derived from the pair', async () => {
    const offer = await buildListing(t, institute, 'offer', offerFor('alpha'));
    await t.workers.searchSync.settled();
    const demand = await buildListing(t, enterprise, 'demand', demandFor('alpha'));
    await settle();
    const matches = await t.models.Match.find({ offerId: offer.id, demandId: demand.id }).lean();
    expect(matches).toHaveLength(1);
    expect(String(matches[0]._id)).toBe(String(matchId(offer.id, demand.id)));
    expect(matches[0].active).toBe(true);
  });
});

describe('existing matches', () => {
  it('deactivates, when a listing changes, its match with a listing that is not a candidate', async () => {
    // Unrelated, and TRL 3 is never a candidate of a demand asking for TRL 9 (Meilisearch filters it out).
    const far = await buildListing(t, institute, 'offer', {
      title: 'Giống hoa lan cắt cành bền màu',
      summary: 'Giống lan Dendrobium cho hoa cắt cành năng suất cao.',
      keywords: ['hoa lan'],
      sectors: ['crops'],
      trl: 3,
    });
    const demand = await buildListing(t, enterprise, 'demand', { ...demandFor('gamma'), trlMin: 9 });
    await settle();
    const { Match } = t.models;
    // As if computed from an earlier state of the demand.
    await matchStore(t.ctx.db).insertPairs(
      [
        {
          sides: {
            offerId: far.id,
            demandId: demand.id,
            offerOrgId: institute.organization.id,
            demandOrgId: enterprise.organization.id,
          },
          fields: { score: 99, reasons: [], active: true },
        },
      ],
      null,
    );
    await api().patch(`/api/demands/${demand.id}`).set(enterprise.auth).send({ requirements: 'Dễ vận hành' });
    await settle();
    const stored = await Match.findById(matchId(far.id, demand.id)).lean();
    expect(stored?.active).toBe(false);
    expect(stored?.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('deactivates a match made when the counterpart was matched once either side is unpublished', async () => {
    const demand = await buildListing(t, enterprise, 'demand', demandFor('delta'));
    await settle();
    // The offer comes second: the match is made while matching the offer.
    const offer = await buildListing(t, institute, 'offer', offerFor('delta'));
    await settle();
    const { Match } = t.models;
    expect((await Match.findById(matchId(offer.id, demand.id)).lean())?.active).toBe(true);
    await api().post(`/api/demands/${demand.id}/archive`).set(enterprise.auth).expect(200);
    await settle();
    expect((await Match.findById(matchId(offer.id, demand.id)).lean())?.active).toBe(false);
    const listed = await api().get(`/api/offers/${offer.id}/matches`).set(institute.auth);
    expect(listed.body.data.map((m: MatchDto) => m.demand.id)).not.toContain(demand.id);
  });

  it('matches a user’s write at once, before it is in the index, and again once it is', async () => {
    const socket = await connectAs(t, institute.accessToken);
    sockets.push(socket);
    const offer = await buildListing(t, institute, 'offer', offerFor('theta'));
    await settle();
    await t.workers.searchSync.stop();
    try {
      const demand = await buildListing(t, enterprise, 'demand', demandFor('theta'));
      const { match } = await nextEvent<{ match: MatchDto }>(
        socket,
        'match:new',
        3000,
        (p) => p.match.demand.id === demand.id && p.match.offer.id === offer.id,
      );
      expect(match.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      // Still flagged: it is looked at again once indexed.
      expect((await t.models.Demand.findById(demand.id).lean())?.matchDirty).toBe(true);
      t.workers.searchSync.start();
      await settle();
      expect((await t.models.Demand.findById(demand.id).lean())?.matchDirty).toBe(false);
    } finally {
      t.workers.searchSync.start();
    }
  });

  it('finds a pair whose two listings were both published before either was in the index', async () => {
    const socket = await connectAs(t, institute.accessToken);
    sockets.push(socket);
    await settle();
    await t.workers.searchSync.stop();
    try {
      const offer = await buildListing(t, institute, 'offer', offerFor('epsilon'));
      const demand = await buildListing(t, enterprise, 'demand', demandFor('epsilon'));
      // Each was matched at once, neither finding the other; both wait to be matched again once indexed.
      await new Promise((r) => setTimeout(r, 300));
      t.workers.matcher.notify();
      await t.workers.matcher.drain();
      expect(await t.models.Match.exists({ _id: matchId(offer.id, demand.id) })).toBeNull();
      expect((await t.models.Demand.findById(demand.id).lean())?.matchDirty).toBe(true);
      t.workers.searchSync.start();
      const { match } = await nextEvent<{ match: MatchDto }>(
        socket,
        'match:new',
        10_000,
        (p) => p.match.demand.id === demand.id && p.match.offer.id === offer.id,
      );
      expect(match.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
      await settle();
      for (const [type, id] of [
        ['offer', offer.id],
        ['demand', demand.id],
      ] as const) {
        const stored =
          type === 'offer' ? await t.models.Offer.findById(id).lean() : await t.models.Demand.findById(id).lean();
        expect(stored?.matchDirty).toBe(false);
      }
    } finally {
      t.workers.searchSync.start();
    }
  });
});

describe('cost per listing', () => {
  it('matches by _id lookups alone: the listing’s key, then only pairs that exist (an edit: every match of the listing)', async () => {
    await buildListing(t, institute, 'offer', offerFor('zeta'));
    const draft = await buildListing(t, enterprise, 'demand', demandFor('zeta'), { publish: false });
    await settle();
    const { Match } = t.models;
    const find = jest.spyOn(Match, 'find');
    const updateMany = jest.spyOn(Match, 'updateMany');
    const byId = jest.spyOn(Match, 'findById');
    const keys = jest.spyOn(t.models.ListingMatches, 'findById');
    try {
      await api().post(`/api/demands/${draft.id}/publish`).set(enterprise.auth).expect(200);
      await settle();
      expect(await Match.countDocuments({ demandId: draft.id, active: true })).toBeGreaterThan(0);
      // Which pairs exist is read from the listing's key; no pair that does not exist is looked up.
      expect(keys.mock.calls.map(([key]) => key)).toContain(`demand:${draft.id}`);
      const existing = new Set((await Match.find({}, { _id: 1 }).lean()).map((m) => String(m._id)));
      const looked = byId.mock.calls.map(([id]) => String(id));
      expect(looked.filter((id) => !existing.has(id))).toEqual([]);
      const [pair] = await Match.find({ demandId: draft.id, active: true }).lean();
      find.mockClear();
      byId.mockClear();

      await api().patch(`/api/demands/${draft.id}`).set(enterprise.auth).send({ requirements: 'Chi phí thấp' });
      await settle();
      expect(keys.mock.calls.map(([key]) => key)).toContain(`demand:${draft.id}`);
      expect(byId.mock.calls.map(([id]) => String(id))).toContain(String(pair._id));
      expect(find).not.toHaveBeenCalled();
      expect(updateMany).not.toHaveBeenCalled();
    } finally {
      find.mockRestore();
      updateMany.mockRestore();
      byId.mockRestore();
      keys.mockRestore();
    }
  });
});

describe('several new matches at once', () => {
  it('announces each live and notifies each organisation once, naming the best and how many', async () => {
    const lab = await buildOrg(t, { type: 'research_institute', verified: true, province: 'HN' });
    const buyer = await buildOrg(t, { type: 'enterprise', verified: true, province: 'HPG' });
    const labSocket = await connectAs(t, lab.accessToken);
    const buyerSocket = await connectAs(t, buyer.accessToken);
    sockets.push(labSocket, buyerSocket);
    const demands = [];
    for (const word of ['kappa', 'kappa lambda', 'kappa mu'])
      demands.push(await buildListing(t, buyer, 'demand', demandFor(word)));
    await settle();
    const record = jest.spyOn(t.ctx.events, 'create');
    try {
      const offer = await buildListing(t, lab, 'offer', offerFor('kappa'));
      await settle();
      // One event for the offer's pass, whatever number of pairs it made.
      const recorded = record.mock.calls.filter(([type]) => type === 'match.created');
      expect(recorded).toHaveLength(1);
      const matchIds = (recorded[0][1] as { matchIds: string[] }).matchIds;
      for (const d of demands) expect(matchIds).toContain(String(matchId(offer.id, d.id)));

      // Every match live, to both sides.
      for (const d of demands) {
        for (const socket of [labSocket, buyerSocket])
          await nextEvent<{ match: MatchDto }>(socket, 'match:new', 5000, (p) => p.match.demand.id === d.id);
      }
      const { Notification, Match } = t.models;
      const notes = async (m: Member) => Notification.find({ userId: m.user.id, type: 'match.new' }).lean();
      // The buyer (notified before of its demands' own matches): one notification for the offer's
      // pairs with its three demands, naming the best of them.
      const aboutOffer = (await notes(buyer)).filter((n) => n.data.counterpartTitle === offerFor('kappa').title);
      expect(aboutOffer).toHaveLength(1);
      const [forBuyer] = aboutOffer;
      expect(forBuyer.data).toMatchObject({ count: 3, listingType: 'demand' });
      const best = await Match.find({ offerId: offer.id, demandId: { $in: demands.map((d) => d.id) } })
        .sort({ score: -1 })
        .lean();
      expect(forBuyer.data.score).toBe(best[0].score);
      // The lab: one notification for every pair of its offer, other organisations' demands included.
      const forLab = await notes(lab);
      expect(forLab).toHaveLength(1);
      expect(forLab[0].data).toMatchObject({ count: matchIds.length, listingId: offer.id, listingType: 'offer' });
      expect((await t.models.Inbox.findById(lab.user.id).lean())?.unread).toBe(1);
    } finally {
      record.mockRestore();
    }
  });
});

describe('a listing with many similar counterparts', () => {
  it('creates only its best pairs in a pass, up to the match limit', async () => {
    const limit = 3;
    const lab = await buildOrg(t, { type: 'research_institute', verified: true, province: 'HUE' });
    const buyer = await buildOrg(t, { type: 'enterprise', verified: true, province: 'DNG' });
    for (let i = 0; i < 8; i++)
      await buildListing(t, buyer, 'demand', {
        ...demandFor(`sigma ${i}`),
        // Varied scores, all above the threshold: some are elsewhere than the offer.
        ...(i % 2 ? {} : { province: 'HN' }),
      });
    await settle();
    const record = jest.spyOn(t.ctx.events, 'create');
    const candidatesOf = jest.spyOn(candidates, 'findCandidates');
    t.ctx.config.matchLimit = limit;
    try {
      const offer = await buildListing(t, lab, 'offer', offerFor('sigma'));
      await settle();
      const { Match, Offer, Demand } = t.models;
      const stored = (await Offer.findById(offer.id).lean()) as unknown as Offer;
      // The first pass (on publication): more of its candidates fit than the limit.
      const call = candidatesOf.mock.calls.findIndex(([, , listing]) => String(listing._id) === offer.id);
      const firstCandidates = ((await candidatesOf.mock.results[call].value) as candidates.Candidate[]).map(
        (c) => c.listingId,
      );
      const scores = ((await Demand.find({ _id: { $in: firstCandidates } }).lean()) as unknown as Demand[])
        .filter((d) => String(d.organizationId) !== lab.organization.id)
        .map((d) => ({ id: String(d._id), score: scoreMatch(stored, d).score }))
        .filter((d) => d.score >= MATCH_THRESHOLD);
      expect(scores.length).toBeGreaterThan(limit);
      const [first] = record.mock.calls.filter(([type]) => type === 'match.created');
      const created = (first[1] as { matchIds: string[] }).matchIds;
      expect(created).toHaveLength(limit);
      // The best: no candidate left out scores above one kept.
      const kept = await Match.find({ _id: { $in: created } }).lean();
      expect(kept.every((m) => String(m.offerId) === offer.id && m.active)).toBe(true);
      const keptIds = new Set(kept.map((m) => String(m.demandId)));
      const leftOut = scores.filter((d) => !keptIds.has(d.id)).map((d) => d.score);
      expect(Math.max(...leftOut)).toBeLessThanOrEqual(Math.min(...kept.map((m) => m.score)));
    } finally {
      t.ctx.config.matchLimit = 20;
      record.mockRestore();
      candidatesOf.mockRestore();
    }
  });
});

describe('clearing a dirty flag', () => {
  it('leaves the flag of a listing written again since it was read', async () => {
    await t.workers.matcher.stop();
    try {
      const listing = await buildListing(t, enterprise, 'demand', demandFor('eta'));
      const model = t.models.Demand;
      const store = listingStore(t.ctx.db);
      const stale = await model.findById(listing.id).lean();
      await model.updateOne({ _id: listing.id }, { $set: { matchDirty: true }, $inc: { rev: 1 } });
      await store.clearFlag('demand', 'matchDirty', [stale!]);
      expect((await model.findById(listing.id).lean())?.matchDirty).toBe(true);
      const fresh = await model.findById(listing.id).lean();
      await store.clearFlag('demand', 'matchDirty', [fresh!]);
      expect((await model.findById(listing.id).lean())?.matchDirty).toBe(false);
    } finally {
      t.workers.matcher.start();
    }
  });
});

describe('rematch', () => {
  it('recomputes every listing’s matches (npm run rematch), old ones included', async () => {
    await settle();
    const { Match, Offer, Demand } = t.models;
    const sample = await Match.findOne({ active: true }).lean();
    await Match.updateOne({ _id: sample!._id }, { $set: { score: 1, active: false } });
    const { listings } = await rematchAll(t.ctx.db, t.workers.matcher);
    expect(listings).toBe((await Offer.countDocuments()) + (await Demand.countDocuments()));
    const restored = await Match.findById(sample!._id).lean();
    expect(restored).toMatchObject({ active: true, score: sample!.score });
    // Nothing duplicated.
    const pairs = (await Match.find({}).lean()).map((m) => `${m.offerId}:${m.demandId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('a listing that left while its search document stayed', () => {
  it('a counterpart paired with it from that document: the pair is deactivated once the document is gone', async () => {
    const offer = await buildListing(t, institute, 'offer', offerFor('omicron'));
    await settle();
    const store = listingStore(t.ctx.db);
    await t.workers.searchSync.stop();
    await t.workers.matcher.stop();
    let demandId = '';
    try {
      expect((await api().post(`/api/offers/${offer.id}/archive`).set(institute.auth)).status).toBe(200);
      const archived = (await store.findById('offer', offer.id)) as Offer;
      // Its own pass, while it is still in the index: not done with (a counterpart may still find it there).
      expect(await t.workers.matcher.processAlone('offer', archived)).toBe(false);
      demandId = (await buildListing(t, enterprise, 'demand', demandFor('omicron'))).id;
      const demand = (await store.findById('demand', demandId)) as Demand;
      await t.workers.matcher.processAlone('demand', demand);
      // Paired from the archived offer's search document, which still showed it published.
      expect((await matchStore(t.ctx.db).findById(matchId(offer.id, demandId)))?.active).toBe(true);
    } finally {
      t.workers.searchSync.start();
      t.workers.matcher.start();
    }
    await settle();
    // The offer's pass ran again once its document was gone, and found the pair.
    expect((await matchStore(t.ctx.db).findById(matchId(offer.id, demandId)))?.active).toBe(false);
  });
});
