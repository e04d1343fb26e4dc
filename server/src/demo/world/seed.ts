import { demandCreateSchema, type ListingType, offerCreateSchema, organizationProfileSchema } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { createUser } from '../../modules/accounts/commands/createUser';
import { registerAccount } from '../../modules/accounts/commands/registerAccount';
import { bookmarkStore } from '../../modules/bookmarks/store';
import { archiveListing, publishListing } from '../../modules/listings/commands/changeStatus';
import { createListing } from '../../modules/listings/commands/createListing';
import { listingStore } from '../../modules/listings/store';
import { requestVerification } from '../../modules/organizations/commands/requestVerification';
import { updateProfile } from '../../modules/organizations/commands/updateProfile';
import { organizationStore } from '../../modules/organizations/store';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../seed';
import { daysAgo, type WorldDemand, type WorldOffer, worldDemands, worldOffers, worldOrganizations } from '.';
import { claimWorldMarker, finishWorldMarker } from './marker';
import { principalOf, type WorldIds, worldIds } from './people';
import { seedWorldDeals } from './seedDeals';
import { seedWorldEvents } from './seedEvents';

export interface WorldCounts {
  organizations: number;
  accounts: number;
  offers: number;
  demands: number;
  deals: number;
  events: number;
  bookmarks: number;
  ms: number;
}

/**
 * Seeds the demo world (server/src/demo/world/*.json) once: a marker record
 * claimed first makes every later call (a restart, a second instance) do
 * nothing. Everything goes through the commands of real writes — accounts,
 * profiles, verification requests, listings published or submitted for
 * review, deals moved through the stage machine with their NDA steps and
 * chat, events — and the dates are then moved into the past (`daysAgo` in
 * the data), so statistics show twelve months. Resolves with what it
 * created, or null when the world was already there.
 */
export async function seedDemoWorld(ctx: AppContext, now = new Date()): Promise<WorldCounts | null> {
  return (await startDemoWorld(ctx, now)).done;
}

/**
 * Starts seeding the demo world (see seedDemoWorld): resolves once the
 * accounts and organisations exist (so the demo logins work from the first
 * request), with `done` resolving when the rest (listings, deals, events,
 * bookmarks) is in too. The start-up awaits the first, never the second.
 */
export async function startDemoWorld(
  ctx: AppContext,
  now = new Date(),
): Promise<{ done: Promise<WorldCounts | null> }> {
  const started = Date.now();
  if (!(await claimWorldMarker(ctx.db, now))) {
    ctx.log.info('Demo world already seeded');
    return { done: Promise.resolve(null) };
  }
  const owners = new Map(worldOrganizations.map((o) => [o.key, o.members[0].email]));
  const ids = worldIds(ctx, now, owners);
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    phases[name] = Date.now() - t0;
    return result;
  };
  const accounts = await timed('organizations', () => seedOrganizations(ctx, ids));
  const rest = async (): Promise<WorldCounts> => {
    const listings = await timed('listings', () => seedListings(ctx, ids));
    const deals = await timed('deals', () => seedWorldDeals(ctx, ids));
    // Archived after their deals: a deal was opened while its listing was live.
    await timed('archive', () => archiveListings(ctx, ids));
    const events = await timed('events', () => seedWorldEvents(ctx, ids));
    const bookmarks = await timed('bookmarks', () => seedBookmarks(ctx, ids));
    const counts = {
      organizations: ids.orgs.size,
      accounts,
      ...listings,
      deals,
      events,
      bookmarks,
      ms: Date.now() - started,
    };
    const phaseMs = Object.fromEntries(Object.entries(phases).map(([k, v]) => [`${k}Ms`, v]));
    await finishWorldMarker(ctx.db, { ...counts, ...phaseMs });
    ctx.log.info(
      `Demo world seeded in ${(counts.ms / 1000).toFixed(1)} s: ${counts.organizations} organisations, ` +
        `${counts.accounts} accounts, ${counts.offers} offers, ${counts.demands} demands, ${counts.deals} deals, ` +
        `${counts.events} events, ${counts.bookmarks} bookmarks (ms per phase: ${JSON.stringify(phases)})`,
    );
    return counts;
  };
  return { done: rest() };
}

/** Runs `work` on the items, `width` at a time, in order of start. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

/** The administrator, every organisation with its owner and members, its profile and its verification request. */
async function seedOrganizations(ctx: AppContext, ids: WorldIds): Promise<number> {
  await createUser(ctx.db, { ...DEMO_ADMIN, password: DEMO_PASSWORD, role: 'admin', verified: true });
  let accounts = 1;
  const orgs = organizationStore(ctx.db);
  await inBatches(worldOrganizations, 4, async (o) => {
    const [first, ...rest] = o.members;
    const { user, organization } = await registerAccount(
      ctx.db,
      {
        email: first.email,
        password: DEMO_PASSWORD,
        name: first.name,
        organization: { name: o.name, type: o.type, province: o.province },
      },
      { verified: true, locale: o.lang === 'en' ? 'en' : 'vi' },
    );
    const orgId = String(organization._id);
    ids.orgs.set(o.key, orgId);
    for (const m of rest)
      await createUser(ctx.db, {
        email: m.email,
        password: DEMO_PASSWORD,
        name: m.name,
        organizationId: organization._id,
        orgRole: 'member',
        locale: o.lang === 'en' ? 'en' : 'vi',
        verified: true,
      });
    accounts += o.members.length;
    const owner = principalOf(user);
    const profile = organizationProfileSchema.parse({
      description: o.description,
      foundedYear: o.foundedYear,
      size: o.size,
      sectors: o.sectors,
      expertise: o.expertise,
      website: o.website,
      contact: o.contact,
    });
    await updateProfile(ctx, owner, profile);
    // Verified organisations were verified by an administrator; the others wait in the verification queue.
    if (!o.verified) await orgs.setVerified(orgId, false);
    await orgs.backdate(organization._id, daysAgo(o.joinedDaysAgo, ids.now));
    if (o.verificationRequest) {
      const r = o.verificationRequest;
      const request = await requestVerification(ctx, owner, {
        registrationNumber: r.registrationNumber,
        taxCode: r.taxCode,
        address: o.address,
        website: o.website,
        note: r.note,
      });
      await orgs.backdateVerification(request._id, daysAgo(r.daysAgo, ids.now));
    }
  });
  return accounts;
}

/** The offers and demands in their states, each by its organisation's owner, with their dates in the past. */
async function seedListings(ctx: AppContext, ids: WorldIds): Promise<{ offers: number; demands: number }> {
  const items: { type: ListingType; listing: WorldOffer | WorldDemand }[] = [
    ...worldOffers.map((listing) => ({ type: 'offer' as const, listing })),
    ...worldDemands.map((listing) => ({ type: 'demand' as const, listing })),
  ];
  // Oldest first, so the newest listings are also the last written.
  items.sort((a, b) => b.listing.publishedDaysAgo - a.listing.publishedDaysAgo);
  const store = listingStore(ctx.db);
  await inBatches(items, 8, async ({ type, listing: w }) => {
    const author = await ids.ownerOf(w.org);
    const deadlineInDays = type === 'demand' ? (w as WorldDemand).deadlineInDays : undefined;
    const input =
      type === 'offer'
        ? offerCreateSchema.parse(w.input)
        : demandCreateSchema.parse({
            ...w.input,
            ...(deadlineInDays === undefined
              ? {}
              : { deadline: daysAgo(-deadlineInDays, ids.now).toISOString().slice(0, 10) }),
          });
    const listing = await createListing(ctx, type, author, input);
    ids.listings.set(w.key, { type, id: String(listing._id), orgKey: w.org });
    const at = daysAgo(w.publishedDaysAgo, ids.now);
    if (w.status !== 'draft') await publishListing(ctx, type, listing, { now: at });
    const live = w.status === 'published' || w.status === 'archived';
    await store.backdate(type, listing._id, {
      createdAt: live ? daysAgo(w.publishedDaysAgo + 2, ids.now) : at,
      updatedAt: at,
    });
  });
  return { offers: worldOffers.length, demands: worldDemands.length };
}

/** The listings archived since, with the date they were archived. */
async function archiveListings(ctx: AppContext, ids: WorldIds): Promise<void> {
  const store = listingStore(ctx.db);
  for (const w of [...worldOffers, ...worldDemands]) {
    const ref = ids.listings.get(w.key);
    if (w.status !== 'archived' || !ref) continue;
    const listing = await store.findById(ref.type, ref.id);
    if (!listing) continue;
    await archiveListing(ctx, ref.type, listing);
    const at = daysAgo(w.archivedDaysAgo ?? 0, ids.now);
    await store.backdate(ref.type, listing._id, { createdAt: daysAgo(w.publishedDaysAgo + 2, ids.now), updatedAt: at });
  }
}

/** The six contract accounts' bookmarks: published listings of other organisations in their sectors (deterministic). */
async function seedBookmarks(ctx: AppContext, ids: WorldIds): Promise<number> {
  const published = [...worldOffers, ...worldDemands]
    .filter((l) => l.status === 'published')
    .sort((a, b) => a.key.localeCompare(b.key));
  const sectorsOf = (l: WorldOffer | WorldDemand) => (l.input.sectors ?? []) as string[];
  let saved = 0;
  const contract = [
    'admin@demo.vn',
    'vien@demo.vn',
    'truong@demo.vn',
    'doanhnghiep@demo.vn',
    'moigioi@demo.vn',
    'so@demo.vn',
  ];
  for (const email of contract) {
    const user = await ids.person(email);
    const org = worldOrganizations.find((o) => o.members.some((m) => m.email === email));
    // The administrator follows what the world is about most: the English listings of international partners.
    const fits = published.filter((l) =>
      org ? l.org !== org.key && sectorsOf(l).some((s) => org.sectors.includes(s)) : l.input.lang === 'en',
    );
    // Spread over the list, so a user's bookmarks are not all one organisation's.
    const step = Math.max(1, Math.floor(fits.length / 5));
    for (const l of fits.filter((_, i) => i % step === 0).slice(0, 5)) {
      const ref = ids.listings.get(l.key);
      if (ref && (await bookmarkStore(ctx.db).add(user.id, { type: ref.type, listingId: ref.id }))) saved += 1;
    }
  }
  return saved;
}
