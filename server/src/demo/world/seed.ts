import { demandCreateSchema, type ListingType, offerCreateSchema, organizationProfileSchema } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { createUser, type NewUser } from '../../modules/accounts/commands/createUser';
import { registerAccount } from '../../modules/accounts/commands/registerAccount';
import type { User } from '../../modules/accounts/model';
import { accountStore } from '../../modules/accounts/store';
import { bookmarkStore } from '../../modules/bookmarks/store';
import { archiveListing, publishListing } from '../../modules/listings/commands/changeStatus';
import { createListing } from '../../modules/listings/commands/createListing';
import { listingStore } from '../../modules/listings/store';
import { requestVerification } from '../../modules/organizations/commands/requestVerification';
import { updateProfile } from '../../modules/organizations/commands/updateProfile';
import { organizationStore } from '../../modules/organizations/store';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../seed';
import { daysAgo, type WorldDemand, type WorldOffer, worldDemands, worldOffers, worldOrganizations } from '.';
import { claimWorldMarker, finishWorldMarker, holdWorldLease, LEASE_MS } from './marker';
import { principalOf, runStopped, type WorldIds, worldIds, worldObjectId } from './people';
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

/** A run's options: `signal` stops it between two steps (as a kill would), `onStep` hears of each step done. */
export interface WorldRunOptions {
  signal?: AbortSignal;
  onStep?: (step: string) => void;
}

/**
 * Seeds the demo world (server/src/demo/world/*.json) once: a marker record
 * claimed first makes every later call (a restart, a second instance) do
 * nothing once the world is complete. A run stopped midway (the process
 * killed) is resumed by the next start: every step is idempotent (records
 * have `_id`s derived from their keys, people are found by e-mail, deals
 * and events record their progress in the marker) so the world is finished,
 * never doubled. Everything goes through the commands of real writes — accounts,
 * profiles, verification requests, listings published or submitted for
 * review, deals moved through the stage machine with their NDA steps and
 * chat, events — and the dates are then moved into the past (`daysAgo` in
 * the data), so statistics show twelve months. Resolves with what it
 * created, or null when the world was already there.
 */
export async function seedDemoWorld(
  ctx: AppContext,
  now = new Date(),
  options: WorldRunOptions = {},
): Promise<WorldCounts | null> {
  return (await startDemoWorld(ctx, now, options)).done;
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
  options: WorldRunOptions = {},
): Promise<{ done: Promise<WorldCounts | null> }> {
  const started = Date.now();
  const claim = await claimWorldMarker(ctx.db, now);
  if (claim === 'done') {
    ctx.log.info('Demo world already seeded');
    return { done: Promise.resolve(null) };
  }
  if (claim === 'busy') {
    // Another run holds it: it finishes the world, or stops renewing its claim (killed) and this one takes over.
    ctx.log.info('Demo world being seeded by another run; waiting');
    const retry = async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, LEASE_MS / 3)).unref());
      return (await startDemoWorld(ctx, now, options)).done;
    };
    return { done: retry() };
  }
  if (claim.resumed) ctx.log.info('Demo world: resuming a seeding run that was interrupted');
  const lease = holdWorldLease(ctx.db);
  const owners = new Map(worldOrganizations.map((o) => [o.key, o.members[0].email]));
  const ids = worldIds(ctx, claim.now, owners, {
    progress: claim.progress,
    checkpoint: (step) => {
      if (options.signal?.aborted) throw runStopped();
      options.onStep?.(step);
    },
  });
  const phases: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    phases[name] = Date.now() - t0;
    return result;
  };
  let accounts: number;
  try {
    accounts = await timed('organizations', () => seedOrganizations(ctx, ids));
  } catch (err) {
    await lease.release();
    throw err;
  }
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
    lease.stop();
    await finishWorldMarker(ctx.db, { ...counts, ...phaseMs });
    ctx.log.info(
      `Demo world seeded in ${(counts.ms / 1000).toFixed(1)} s: ${counts.organizations} organisations, ` +
        `${counts.accounts} accounts, ${counts.offers} offers, ${counts.demands} demands, ${counts.deals} deals, ` +
        `${counts.events} events, ${counts.bookmarks} bookmarks (ms per phase: ${JSON.stringify(phases)})`,
    );
    return counts;
  };
  // A run that fails lets the next one (a retry, the next start) take over at once.
  return {
    done: rest().catch(async (err) =>
      Promise.reject(
        await lease.release().then(
          () => err,
          () => err,
        ),
      ),
    ),
  };
}

/** Runs `work` on the items, `width` at a time, in order of start; a checkpoint after each batch. */
async function inBatches<T>(
  ids: WorldIds,
  step: string,
  items: T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(work));
    ids.checkpoint(step);
  }
}

/** The account of an address: found, or created (an address claimed by a run killed before it wrote the account is freed first). */
async function ensureUser(ctx: AppContext, input: NewUser): Promise<User> {
  const accounts = accountStore(ctx.db);
  const found = await accounts.findUserByEmail(input.email);
  if (found) {
    if (found.organizationId) await organizationStore(ctx.db).addMember(found.organizationId, found._id);
    return found;
  }
  if (await accounts.ownerIdOf(input.email)) await accounts.releaseEmail(input.email);
  return createUser(ctx.db, input);
}

/** The administrator, every organisation with its owner and members, its profile and its verification request. */
async function seedOrganizations(ctx: AppContext, ids: WorldIds): Promise<number> {
  await ensureUser(ctx, { ...DEMO_ADMIN, password: DEMO_PASSWORD, role: 'admin', verified: true });
  let accounts = 1;
  const orgs = organizationStore(ctx.db);
  await inBatches(ids, 'organizations', worldOrganizations, 4, async (o) => {
    const [first, ...rest] = o.members;
    const orgId = worldObjectId('organization', o.key);
    let user = await accountStore(ctx.db).findUserByEmail(first.email);
    if (!user) {
      // An organisation without its owner: a run killed between the two writes. Written again, whole.
      if (await orgs.findById(orgId)) await orgs.remove(orgId);
      if (await accountStore(ctx.db).ownerIdOf(first.email)) await accountStore(ctx.db).releaseEmail(first.email);
      ({ user } = await registerAccount(
        ctx.db,
        {
          email: first.email,
          password: DEMO_PASSWORD,
          name: first.name,
          organization: { name: o.name, type: o.type, province: o.province },
        },
        { verified: true, locale: o.lang === 'en' ? 'en' : 'vi', organizationId: orgId },
      ));
    }
    // (An owner found already keeps the organisation it has.)
    const organization = { _id: String(user.organizationId ?? orgId) };
    ids.orgs.set(o.key, organization._id);
    for (const m of rest)
      await ensureUser(ctx, {
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
    if (!o.verified) await orgs.setVerified(organization._id, false);
    await orgs.backdate(organization._id, daysAgo(o.joinedDaysAgo, ids.now));
    if (o.verificationRequest) {
      const r = o.verificationRequest;
      const request =
        (await orgs.latestVerification(organization._id)) ??
        (await requestVerification(ctx, owner, {
          registrationNumber: r.registrationNumber,
          taxCode: r.taxCode,
          address: o.address,
          website: o.website,
          note: r.note,
        }));
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
  await inBatches(ids, 'listings', items, 8, async ({ type, listing: w }) => {
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
    // Stored already by an interrupted run: the same listing comes back (its `_id` is its key's).
    const listing = await createListing(ctx, type, author, input, { id: worldObjectId('listing', w.key) });
    ids.listings.set(w.key, { type, id: String(listing._id), orgKey: w.org });
    const at = daysAgo(w.publishedDaysAgo, ids.now);
    if (w.status !== 'draft' && listing.status === 'draft') await publishListing(ctx, type, listing, { now: at });
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
    if (listing.status !== 'archived') await archiveListing(ctx, ref.type, listing);
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
      // Counted whether this run or an interrupted one saved it.
      if (ref) {
        await bookmarkStore(ctx.db).add(user.id, { type: ref.type, listingId: ref.id });
        saved += 1;
      }
    }
    ids.checkpoint('bookmarks');
  }
  return saved;
}
