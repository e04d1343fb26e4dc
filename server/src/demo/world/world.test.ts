import {
  dealStages,
  demandCreateSchema,
  demandTerms,
  getProvince,
  MATCH_STRONG,
  MATCH_THRESHOLD,
  normalizeVietnamese,
  offerCreateSchema,
  offerTerms,
  organizationSizes,
  organizationTypeCodes,
  outcomeSchema,
  scoreMatch,
  sectorCodes,
  transferModeCodes,
} from '@techbridge/shared';
import { demoAccounts } from '../seed';
import {
  daysAgo,
  type WorldDemand,
  type WorldOffer,
  worldDeals,
  worldDemands,
  worldEvents,
  worldOffers,
  worldOrganizations,
} from '.';

/** The demo world's data must be complete and coherent: a seeder takes it as it is. */
const orgs = new Map(worldOrganizations.map((o) => [o.key, o]));
const listings: (WorldOffer | WorldDemand)[] = [...worldOffers, ...worldDemands];
const listingByKey = new Map(listings.map((l) => [l.key, l]));
const offerByKey = new Map(worldOffers.map((o) => [o.key, o]));
const memberOrg = new Map(worldOrganizations.flatMap((o) => o.members.map((m) => [m.email, o.key] as const)));
const isOffer = (l: WorldOffer | WorldDemand): l is WorldOffer => offerByKey.has(l.key);
const published = (l: WorldOffer | WorldDemand) => l.status === 'published';

describe('demo world: organisations', () => {
  it('has at least 30 organisations with unique keys and member e-mails', () => {
    expect(worldOrganizations.length).toBeGreaterThanOrEqual(30);
    expect(orgs.size).toBe(worldOrganizations.length);
    const emails = worldOrganizations.flatMap((o) => o.members.map((m) => m.email));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('spans at least 12 provinces, the five named among them, and every organisation type', () => {
    const provinces = new Set(worldOrganizations.map((o) => o.province));
    expect(provinces.size).toBeGreaterThanOrEqual(12);
    for (const code of ['TNG', 'NBH', 'CTO', 'HN', 'HCM']) expect(provinces).toContain(code);
    for (const o of worldOrganizations) expect(getProvince(o.province)).toBeDefined();
    expect(new Set(worldOrganizations.map((o) => o.type))).toEqual(new Set(organizationTypeCodes));
  });

  it('keeps the demo accounts of API-CONTRACT.md as the owners of their organisations', () => {
    const contract = {
      vien: 'research_institute',
      truong: 'university',
      doanhnghiep: 'enterprise',
      moigioi: 'intermediary',
      so: 'agency',
    };
    expect(demoAccounts.map((a) => a.email)).toEqual([
      'admin@demo.vn',
      ...Object.keys(contract).map((k) => `${k}@demo.vn`),
    ]);
    for (const account of demoAccounts.slice(1)) {
      const org = worldOrganizations.find((o) => o.members[0].email === account.email);
      expect(org).toMatchObject({
        type: contract[account.email.split('@')[0] as keyof typeof contract],
        verified: true,
      });
      expect(account.role).toBe(org?.type);
      expect(org?.contact.email).toBe(account.email);
    }
  });

  it('has complete profiles', () => {
    const contractEmails = new Set(demoAccounts.map((a) => a.email));
    for (const o of worldOrganizations) {
      expect(organizationTypeCodes).toContain(o.type);
      expect(organizationSizes).toContain(o.size);
      expect(o.foundedYear).toBeGreaterThanOrEqual(1945);
      expect(o.foundedYear).toBeLessThanOrEqual(2025);
      expect(o.description.length).toBeGreaterThan(120);
      expect(o.description.length).toBeLessThan(700);
      expect(o.sectors.length).toBeGreaterThanOrEqual(1);
      expect(o.sectors.length).toBeLessThanOrEqual(4);
      for (const s of o.sectors) expect(sectorCodes).toContain(s);
      expect(o.expertise.length).toBeGreaterThanOrEqual(3);
      expect(o.expertise.length).toBeLessThanOrEqual(6);
      expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.(vn|com)$/);
      expect(o.contact.phone).toMatch(/^09\d{2} \d{3} \d{3}$/);
      expect(o.contact.email).toBe(
        contractEmails.has(o.contact.email) ? o.contact.email : `${o.key}@demo.techbridge.vn`,
      );
      expect(o.members.length).toBeGreaterThanOrEqual(1);
      expect(o.members.length).toBeLessThanOrEqual(3);
      expect(o.members.map((m) => m.role)).toEqual(['owner', ...o.members.slice(1).map(() => 'member')]);
      expect(o.members[0]).toMatchObject({ email: o.contact.email, name: o.contact.name });
      for (const m of o.members) expect(m.email).toMatch(/@demo\.(vn|techbridge\.vn)$/);
    }
  });

  it('has at least 5 international partners writing in English, and at least 5 organisations awaiting verification', () => {
    const international = worldOrganizations.filter((o) => o.country);
    expect(international.length).toBeGreaterThanOrEqual(5);
    for (const o of international) expect(o.lang).toBe('en');
    for (const l of listings.filter((x) => orgs.get(x.org)?.country)) expect(l.input.lang).toBe('en');
    const unverified = worldOrganizations.filter((o) => !o.verified);
    expect(unverified.length).toBeGreaterThanOrEqual(5);
    for (const o of unverified) {
      expect(o.verificationRequest).toBeDefined();
      expect(o.verifiedDaysAgo).toBeNull();
    }
  });
});

describe('demo world: listings', () => {
  it('has at least 150 offers, 80 demands and 15 listings in English', () => {
    expect(worldOffers.length).toBeGreaterThanOrEqual(150);
    expect(worldDemands.length).toBeGreaterThanOrEqual(80);
    expect(listings.filter((l) => l.input.lang === 'en').length).toBeGreaterThanOrEqual(15);
  });

  it('gives each listing input exactly what the create schemas accept', () => {
    for (const o of worldOffers) {
      const parsed = offerCreateSchema.safeParse(o.input);
      expect({ key: o.key, issues: parsed.error?.issues ?? [] }).toEqual({ key: o.key, issues: [] });
    }
    for (const d of worldDemands) {
      const parsed = demandCreateSchema.safeParse(d.input);
      expect({ key: d.key, issues: parsed.error?.issues ?? [] }).toEqual({ key: d.key, issues: [] });
    }
  });

  it('has unique keys and titles, 3–6 keywords each, and listings that fit their organisation', () => {
    expect(listingByKey.size).toBe(listings.length);
    const titles = listings.map((l) => l.input.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const l of listings) {
      const org = orgs.get(l.org);
      expect({ key: l.key, org: org?.key }).toEqual({ key: l.key, org: l.org });
      expect({ key: l.key, fits: l.input.sectors.some((s) => org?.sectors.includes(s)) }).toEqual({
        key: l.key,
        fits: true,
      });
      expect(l.input.keywords?.length).toBeGreaterThanOrEqual(3);
      expect(l.input.keywords?.length).toBeLessThanOrEqual(6);
    }
  });

  it('publishes only for verified organisations; pending listings come from those awaiting verification', () => {
    const statuses = new Set(listings.map((l) => l.status));
    for (const s of ['published', 'pending_review', 'draft', 'archived']) expect(statuses).toContain(s);
    for (const l of listings) {
      const verified = orgs.get(l.org)?.verified;
      if (l.status === 'pending_review') expect({ key: l.key, verified }).toEqual({ key: l.key, verified: false });
      if (l.status === 'published' || l.status === 'archived')
        expect({ key: l.key, verified }).toEqual({ key: l.key, verified: true });
    }
  });

  it('spreads publication over the last 365 days, every one of the last 12 months, busier recently', () => {
    const shown = listings.filter((l) => published(l) || l.status === 'archived');
    for (const l of listings) {
      expect(l.publishedDaysAgo).toBeGreaterThanOrEqual(0);
      expect(l.publishedDaysAgo).toBeLessThanOrEqual(365);
      if (l.archivedDaysAgo !== undefined) expect(l.archivedDaysAgo).toBeLessThan(l.publishedDaysAgo);
    }
    // Whatever day the world is seeded on, each of the last 12 calendar months has listings.
    const seedDays = [
      new Date(),
      new Date(2026, 0, 1),
      new Date(2026, 2, 1),
      new Date(2026, 11, 31),
      new Date(2027, 6, 15),
    ];
    for (const now of seedDays) {
      const months = new Set(
        shown.map((l) => {
          const d = daysAgo(l.publishedDaysAgo, now);
          return d.getFullYear() * 12 + d.getMonth();
        }),
      );
      const current = now.getFullYear() * 12 + now.getMonth();
      for (let m = 0; m < 12; m++) expect({ now, month: m, has: months.has(current - m) }).toMatchObject({ has: true });
    }
    const inDays = (from: number, to: number) =>
      shown.filter((l) => l.publishedDaysAgo >= from && l.publishedDaysAgo < to).length;
    expect(inDays(0, 90)).toBeGreaterThan(inDays(270, 366) * 2);
  });

  it('writes Vietnamese in NFC with one tone placement (as the text model stores it)', () => {
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk([worldOrganizations, worldOffers, worldDemands, worldDeals, worldEvents]);
    const off = strings.filter((s) => s !== s.normalize('NFC') || s !== normalizeVietnamese(s));
    expect(off).toEqual([]);
  });
});

describe('demo world: matching', () => {
  const candidates = worldOffers.filter(published);

  it('labels relevant offers and near-misses from other organisations', () => {
    for (const d of worldDemands) {
      for (const k of [...d.relevantOffers, ...d.nearMisses]) {
        const o = offerByKey.get(k);
        expect({ demand: d.key, offer: k, other: !!o && o.org !== d.org }).toEqual({
          demand: d.key,
          offer: k,
          other: true,
        });
      }
    }
    const labelled = worldDemands.filter((d) => published(d) && d.relevantOffers.length);
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    expect(labelled.filter((d) => d.relevantOffers.length > 1).length).toBeGreaterThanOrEqual(20);
    expect(worldDemands.filter((d) => d.nearMisses.length).length).toBeGreaterThanOrEqual(20);
  });

  it('ranks a relevant offer in the top 3 for at least 80% of labelled demands; near-misses never win', () => {
    // As the matcher does, score only candidates sharing a specific term (the others cannot be eligible).
    const offers = candidates.map((o) => {
      const input = offerCreateSchema.parse(o.input);
      const terms = new Set([...offerTerms(input).values()].filter((t) => t.specific).map((t) => t.key));
      return { key: o.key, org: o.org, input, terms };
    });
    let labelled = 0;
    let hits = 0;
    const wrong: string[] = [];
    for (const d of worldDemands.filter(published)) {
      const input = demandCreateSchema.parse(d.input);
      const terms = [...demandTerms(input).values()].filter((t) => t.specific).map((t) => t.key);
      const scored = offers
        .filter((o) => o.org !== d.org && terms.some((k) => o.terms.has(k)))
        .map((o) => ({ key: o.key, score: scoreMatch(o.input, input).score }))
        .sort((a, b) => b.score - a.score);
      const score = (k: string) =>
        scored.find((s) => s.key === k)?.score ??
        scoreMatch(offerCreateSchema.parse(offerByKey.get(k)?.input), input).score;
      if (d.relevantOffers.length) {
        labelled += 1;
        if (scored.slice(0, 3).some((s) => d.relevantOffers.includes(s.key) && s.score >= MATCH_THRESHOLD)) hits += 1;
      }
      const best = Math.max(0, ...d.relevantOffers.map(score));
      for (const k of d.nearMisses)
        if (score(k) >= MATCH_STRONG || (d.relevantOffers.length && score(k) >= best)) wrong.push(`${d.key} ~ ${k}`);
    }
    expect(hits / labelled).toBeGreaterThanOrEqual(0.8);
    expect(wrong).toEqual([]);
  }, 180_000);
});

describe('demo world: deals', () => {
  const participants = (d: (typeof worldDeals)[number]) => {
    const owner = listingByKey.get(d.listing.key)?.org as string;
    return { owner, orgs: [owner, d.initiator, ...(d.intermediary ? [d.intermediary.org] : [])] };
  };

  it('has at least 30 deals covering every stage, NDA state and about six outcomes', () => {
    expect(worldDeals.length).toBeGreaterThanOrEqual(30);
    expect(new Set(worldDeals.map((d) => d.key)).size).toBe(worldDeals.length);
    expect(new Set(worldDeals.map((d) => d.stage))).toEqual(new Set(dealStages));
    expect(new Set(worldDeals.map((d) => d.nda.status))).toEqual(new Set(['none', 'accepted', 'granted', 'revoked']));
    const won = worldDeals.filter((d) => d.stage === 'won');
    expect(won.length).toBeGreaterThanOrEqual(5);
    expect(worldDeals.filter((d) => d.intermediary).length).toBeGreaterThanOrEqual(3);
  });

  it('refers to existing listings and organisations, opened after both listings were published', () => {
    for (const d of worldDeals) {
      const listing = listingByKey.get(d.listing.key);
      expect(listing && isOffer(listing) === (d.listing.type === 'offer')).toBe(true);
      expect(d[d.listing.type]).toBe(d.listing.key);
      const { owner, orgs: parties } = participants(d);
      for (const org of parties) expect(orgs.has(org)).toBe(true);
      expect(new Set(parties).size).toBe(parties.length);
      const paired = d.listing.type === 'offer' ? d.demand : d.offer;
      if (paired) expect(listingByKey.get(paired)?.org).toBe(d.initiator);
      for (const key of [d.listing.key, paired].filter((k): k is string => !!k)) {
        const l = listingByKey.get(key);
        expect(['published', 'archived']).toContain(l?.status);
        expect(d.openedDaysAgo).toBeLessThan(l?.publishedDaysAgo as number);
        if (l?.archivedDaysAgo !== undefined) expect(d.stage).toBe('won');
      }
      expect(owner).not.toBe(d.initiator);
      if (d.intermediary) {
        expect(orgs.get(d.intermediary.org)?.type).toBe('intermediary');
        expect([owner, d.initiator]).toContain(memberOrg.get(d.intermediary.invitedBy));
        expect(d.intermediary.daysAgo).toBeLessThanOrEqual(d.openedDaysAgo);
      }
    }
  });

  it('tells a consistent story: history, NDA steps, chat and outcome', () => {
    for (const d of worldDeals) {
      const { owner, orgs: parties } = participants(d);
      const orgOf = (email: string) => memberOrg.get(email) as string;
      const present = (email: string, at: number) =>
        orgOf(email) !== d.intermediary?.org || (d.intermediary && at <= d.intermediary.daysAgo);
      // History: opened by the initiator at `interest`, days never going back, ending at the deal's stage.
      expect(d.history[0]).toMatchObject({ stage: 'interest', daysAgo: d.openedDaysAgo });
      expect(orgOf(d.history[0].by)).toBe(d.initiator);
      expect(d.history.at(-1)?.stage).toBe(d.stage);
      d.history.forEach((h, i) => {
        expect(parties).toContain(orgOf(h.by));
        expect(present(h.by, h.daysAgo)).toBe(true);
        if (i) expect(h.daysAgo).toBeLessThanOrEqual(d.history[i - 1].daysAgo);
        if (i) expect(dealStages.indexOf(h.stage)).toBeGreaterThan(dealStages.indexOf(d.history[i - 1].stage));
      });
      // Chat: 4–8 messages by members of participating organisations, in order.
      expect(d.messages.length).toBeGreaterThanOrEqual(4);
      expect(d.messages.length).toBeLessThanOrEqual(8);
      d.messages.forEach((m, i) => {
        expect({ deal: d.key, from: m.from, ok: parties.includes(orgOf(m.from)) }).toMatchObject({ ok: true });
        expect(present(m.from, m.daysAgo)).toBe(true);
        expect(m.daysAgo).toBeLessThanOrEqual(i ? d.messages[i - 1].daysAgo : d.openedDaysAgo);
        expect(m.body.length).toBeGreaterThan(10);
      });
      // NDA: only on a deal with an offer; the counterpart accepts, the offer's owner approves, grants or revokes.
      const offerOwner = d.offer ? listingByKey.get(d.offer)?.org : null;
      const counterpart = parties.find((o) => o !== offerOwner && o !== d.intermediary?.org);
      if (d.nda.status !== 'none') expect(d.offer).not.toBeNull();
      const after = { accept: 'accepted', approve: 'granted', grant: 'granted', revoke: 'revoked' } as const;
      expect(d.nda.steps.length ? after[d.nda.steps[d.nda.steps.length - 1].action] : 'none').toBe(d.nda.status);
      d.nda.steps.forEach((s, i) => {
        expect(orgOf(s.by)).toBe(s.action === 'accept' ? counterpart : offerOwner);
        if (i) expect(s.daysAgo).toBeLessThanOrEqual(d.nda.steps[i - 1].daysAgo);
        expect(s.daysAgo).toBeLessThanOrEqual(d.openedDaysAgo);
      });
      if (['nda', 'negotiation', 'agreement', 'won'].includes(d.stage) && d.history.some((h) => h.stage === 'nda'))
        expect(d.nda.steps.length).toBeGreaterThan(0);
      // Outcome: exactly the won deals, on the day they were won.
      expect(d.outcome !== null).toBe(d.stage === 'won');
      if (d.outcome) {
        expect(transferModeCodes).toContain(d.outcome.contractType);
        expect(d.outcome.daysAgo).toBe(d.history.at(-1)?.daysAgo);
        const date = daysAgo(d.outcome.daysAgo).toISOString().slice(0, 10);
        const { daysAgo: _days, ...outcome } = d.outcome;
        expect(outcomeSchema.safeParse({ ...outcome, date }).success).toBe(true);
      }
      expect(owner).toBeDefined();
    }
  });
});

describe('demo world: events and timeline', () => {
  it('has three events run by agencies, one past and two upcoming, with published listings of their participants', () => {
    expect(worldEvents.length).toBe(3);
    expect(worldEvents.filter((e) => e.startsInDays < 0).length).toBe(1);
    expect(worldEvents.filter((e) => e.startsInDays > 0).length).toBe(2);
    for (const e of worldEvents) {
      expect(orgs.get(e.organizer)?.type).toBe('agency');
      expect(getProvince(e.location.province)).toBeDefined();
      for (const s of e.sectors) expect(sectorCodes).toContain(s);
      expect(e.registrationClosesInDays).toBeLessThan(e.startsInDays);
      const inEvent = new Set(e.participants.map((p) => p.org));
      for (const p of e.participants) {
        expect(orgs.has(p.org)).toBe(true);
        for (const k of p.listings) expect(listingByKey.get(k)).toMatchObject({ org: p.org, status: 'published' });
      }
      for (const m of e.meetings) {
        expect(inEvent.has(m.requester) && inEvent.has(m.invitee)).toBe(true);
        if (m.attendance) expect(e.startsInDays).toBeLessThan(0);
        for (const k of m.listings) expect([m.requester, m.invitee]).toContain(listingByKey.get(k)?.org);
      }
    }
  });

  it('has every organisation join before it shows up, and get verified before it publishes', () => {
    for (const o of worldOrganizations) {
      const own = listings.filter((l) => l.org === o.key);
      const dealt = worldDeals.filter((d) =>
        [listingByKey.get(d.listing.key)?.org, d.initiator, d.intermediary?.org].includes(o.key),
      );
      const firstSeen = Math.max(0, ...own.map((l) => l.publishedDaysAgo), ...dealt.map((d) => d.openedDaysAgo));
      expect({ org: o.key, ok: o.joinedDaysAgo >= firstSeen }).toEqual({ org: o.key, ok: true });
      if (o.verifiedDaysAgo !== null) {
        expect(o.verifiedDaysAgo).toBeLessThanOrEqual(o.joinedDaysAgo);
        const firstPublished = Math.max(0, ...own.filter((l) => l.status !== 'draft').map((l) => l.publishedDaysAgo));
        expect(o.verifiedDaysAgo).toBeGreaterThanOrEqual(firstPublished);
      }
    }
  });
});
