import crypto from 'node:crypto';
import { NDA } from '@techbridge/shared';
import { stringify } from 'csv-stringify/sync';
import request from 'supertest';
import { columns, templateRows } from '../../server/src/modules/imports/columns';
import { notifyUsers } from '../../server/src/modules/notifications/notify';
import type { TestApp } from './app';
import {
  buildKitEvents,
  eventInput,
  eventParams,
  eventToWithdrawFrom,
  hostEvent,
  type KitEvents,
  organizeEvent,
} from './eventFixtures';
import {
  buildAdmin,
  buildListing,
  buildMember,
  buildOrg,
  demandInput,
  type Member,
  offerInput,
  PASSWORD,
} from './factories';
import {
  type ApiRequest,
  fillPath,
  isMultipart,
  jsonBodySchema,
  type Operation,
  opKey,
  pathParamNames,
  sampleOf,
  type Upload,
} from './routes';

/**
 * A populated marketplace for route-table driven tests: per organisation type
 * a "kit" (an owner organisation with one of everything a route's `{id}` can
 * name), strangers of every type, a platform administrator, and the
 * counterparties deals and matches need. Private text carries canaries, so a
 * test can tell when an answer shows data its reader must not see.
 */

export interface Actor {
  label: string;
  kind: 'anon' | 'admin' | 'member';
  /** The actor's organisation (members). */
  orgId?: string;
  orgType?: string;
  member?: Member;
  headers: Record<string, string>;
}

export interface ListingRef {
  id: string;
  attachmentId: string;
  /** An image of the listing (issue 18). */
  imageId: string;
}

/** A tiny PNG (8 × 6): a valid listing image. */
export const tinyPng = () =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWMwXlWOFTEMpAQAoiQ/wZE/9iIAAAAASUVORK5CYII=',
    'base64',
  );

export interface Kit {
  type: string;
  owner: Member;
  actor: Actor;
  orgId: string;
  /** Published, with a public attachment; confidential details carry the `conf` canary. */
  offer: ListingRef;
  demand: ListingRef;
  /** Drafts (titles and attachments private), with attachments. */
  draftOffer: ListingRef;
  draftDemand: ListingRef;
  /** Waiting for moderation (published before the organisation was verified). */
  pendingOfferId: string;
  /** A deal on the kit's offer opened by the counterparty, with a message carrying a file. */
  dealAsOwner: { id: string; messageId: string };
  /** A deal the kit opened on the counterparty's offer (the kit accepts that NDA). The counterparty accepted the NDA of `dealAsOwner`. */
  dealAsInitiatorId: string;
  /** A match of the kit's offer with the counterparty's demand. */
  matchId: string;
  /** A mandate the world's broker asked the kit for (the kit is its client). */
  mandateId: string;
  /** The owner's own notification and saved search (the owner has also bookmarked the kit's offer). */
  notificationId: string;
  savedSearchId: string;
  /** The owner's pending verification request and its document. */
  verification: { id: string; documentId: string };
  /** Texts only some may see (see Canary). */
  canaries: { conf: string; priv: string; user: string; deal: string };
  /** Events it organises and takes part in (see helpers/eventFixtures.ts). */
  events: KitEvents;
}

/** A marker in private data: only members of `orgs`, and administrators when `admin`, may ever see it. */
export interface Canary {
  text: string;
  what: string;
  orgs: string[];
  admin: boolean;
}

export interface World {
  t: TestApp;
  anon: Actor;
  admin: Actor;
  kits: Kit[];
  strangers: Actor[];
  /** Opens deals on every kit's offer; owns the offer every kit opens a deal on. */
  counterparty: Member;
  counterpartyOfferId: string;
  /** An intermediary organisation that kits invite into their deals. */
  broker: Member;
  /** The target of the administrators' suspend/reactivate routes, used by nothing else. */
  victim: Member;
  /** An agency that organises the event every kit takes part in. */
  host: Member;
  canaries: Canary[];
}

export const pdf = (extra = '') => Buffer.from(`%PDF-1.4\n${extra}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`);
const canaryText = (kind: string) => `cnry${kind}${crypto.randomBytes(5).toString('hex')}`;

export const memberActor = (m: Member, label: string): Actor => ({
  label,
  kind: 'member',
  orgId: m.organization.id,
  orgType: m.organization.type,
  member: m,
  headers: m.auth,
});

async function ok<T = Record<string, unknown>>(
  pending: PromiseLike<{ status: number; body: unknown }>,
  what: string,
  expected = [200, 201],
): Promise<T> {
  const res = await pending;
  if (!expected.includes(res.status)) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function attach(t: TestApp, owner: Member, type: 'offer' | 'demand', id: string, content: Buffer) {
  const body = await ok<{ data: { id: string } }>(
    request(t.app.server)
      .post(`/api/${type}s/${id}/attachments`)
      .set(owner.auth)
      .attach('file', content, 'tai-lieu.pdf'),
    `attach to ${type}`,
  );
  return body.data.id;
}

async function addImage(t: TestApp, owner: Member, type: 'offer' | 'demand', id: string) {
  const body = await ok<{ data: { id: string } }>(
    request(t.app.server).post(`/api/${type}s/${id}/images`).set(owner.auth).attach('file', tinyPng(), 'anh.png'),
    `add an image to ${type}`,
  );
  return body.data.id;
}

/** A new listing of the kit's organisation with an attachment and an image: published, or a draft. */
export async function freshListing(
  world: World,
  kit: Kit,
  type: 'offer' | 'demand',
  state: 'published' | 'draft',
): Promise<ListingRef> {
  // Unrelated to every other listing, follow and saved search: no matches or alerts to churn the background workers.
  const overrides =
    type === 'offer'
      ? {
          title: 'Phần mềm quản lý kho vận',
          summary: 'Hệ thống phần mềm quản lý kho vận cho doanh nghiệp vừa và nhỏ.',
          sectors: ['software'],
          keywords: ['kho vận', 'phần mềm'],
          applications: [],
          confidential: { details: `Bí mật ${kit.canaries.conf}` },
        }
      : {
          title: 'Cần máy dệt vải khổ rộng',
          problem: 'Xưởng dệt cần dây chuyền dệt vải khổ rộng tiết kiệm điện.',
          requirements: 'Bảo hành dài hạn',
          sectors: ['textiles'],
          keywords: ['dệt vải'],
        };
  const created = await buildListing(world.t, kit.owner, type, overrides, { publish: false });
  const attachmentId = await attach(world.t, kit.owner, type, created.id, pdf());
  const imageId = await addImage(world.t, kit.owner, type, created.id);
  if (state === 'published') {
    await ok(
      request(world.t.app.server).post(`/api/${type}s/${created.id}/publish`).set(kit.owner.auth),
      `publish ${type}`,
    );
  }
  return { id: created.id, attachmentId, imageId };
}

async function buildKit(
  t: TestApp,
  type: string,
  shared: Pick<World, 'counterparty' | 'counterpartyOfferId' | 'broker'>,
) {
  const api = () => request(t.app.server);
  const canaries = {
    conf: canaryText('conf'),
    priv: canaryText('priv'),
    user: canaryText('user'),
    deal: canaryText('deal'),
  };
  // Unverified at first, so its first publication waits for moderation.
  const owner = await buildOrg(t, { type, province: 'CTO' });
  const orgId = owner.organization.id;
  const pending = await buildListing(t, owner, 'offer', { title: `Chờ duyệt ${canaries.priv}` });
  if (pending.status !== 'pending_review') throw new Error(`expected a pending offer, got ${pending.status}`);
  await t.models.Organization.updateOne({ _id: orgId }, { $set: { verified: true } });

  const secret = { confidential: { details: `Bí mật ${canaries.conf}` } };
  const offer = await buildListing(t, owner, 'offer', secret);
  const demand = await buildListing(t, owner, 'demand');
  const draftOffer = await buildListing(
    t,
    owner,
    'offer',
    { title: `Bản nháp ${canaries.priv}`, ...secret },
    { publish: false },
  );
  const draftDemand = await buildListing(
    t,
    owner,
    'demand',
    { title: `Bản nháp ${canaries.priv}` },
    { publish: false },
  );
  const [offerAtt, demandAtt, draftOfferAtt, draftDemandAtt] = await Promise.all([
    attach(t, owner, 'offer', offer.id, pdf()),
    attach(t, owner, 'demand', demand.id, pdf()),
    attach(t, owner, 'offer', draftOffer.id, pdf(canaries.priv)),
    attach(t, owner, 'demand', draftDemand.id, pdf(canaries.priv)),
  ]);
  const [offerImg, demandImg, draftOfferImg, draftDemandImg] = await Promise.all([
    addImage(t, owner, 'offer', offer.id),
    addImage(t, owner, 'demand', demand.id),
    addImage(t, owner, 'offer', draftOffer.id),
    addImage(t, owner, 'demand', draftDemand.id),
  ]);

  const dealAsOwner = await ok<{ data: { id: string } }>(
    api().post('/api/deals').set(shared.counterparty.auth).send({ offerId: offer.id }),
    'open deal on the kit offer',
  );
  const message = await ok<{ data: { id: string } }>(
    api()
      .post(`/api/deals/${dealAsOwner.data.id}/attachments`)
      .set(owner.auth)
      .field('body', `Tin nhắn ${canaries.deal}`)
      .attach('file', pdf(canaries.deal), 'hop-dong.pdf'),
    'send a deal file',
  );
  await ok(
    api()
      .post(`/api/deals/${dealAsOwner.data.id}/nda/accept`)
      .set(shared.counterparty.auth)
      .send({ version: NDA.version }),
    'the counterparty accepts the NDA',
  );
  const mandate = await ok<{ data: { id: string } }>(
    api()
      .post('/api/mandates')
      .set(shared.broker.auth)
      .send({ clientOrgId: orgId, commission: { percent: 3 } }),
    'the broker asks for a mandate',
  );
  const dealAsInitiator = await ok<{ data: { id: string } }>(
    api().post('/api/deals').set(owner.auth).send({ offerId: shared.counterpartyOfferId }),
    'open deal on the counterparty offer',
  );

  await notifyUsers(t.ctx, [owner.user.id], 'deal.message', { note: canaries.user }, (u) => `canary:${u}`);
  const notification = await t.models.Notification.findOne({
    userId: owner.user.id,
    type: 'deal.message',
  }).lean();
  if (!notification) throw new Error('notification not stored');
  const saved = await ok<{ data: { id: string } }>(
    api()
      .post('/api/saved-searches')
      .set(owner.auth)
      .send({ name: `Theo dõi ${canaries.user}`, query: { q: 'tôm' } }),
    'save a search',
  );
  await ok(
    api().post('/api/bookmarks').set(owner.auth).send({ type: 'offer', listingId: offer.id }),
    'bookmark the offer',
  );
  const verification = await ok<{ data: { id: string } }>(
    api()
      .post('/api/organizations/me/verification')
      .set(owner.auth)
      .send({ registrationNumber: '0312345678', address: '3/2 Xuân Khánh, Ninh Kiều, Cần Thơ', note: canaries.priv }),
    'request verification',
  );
  const withDocument = await ok<{ data: { documents: { id: string }[] } }>(
    api()
      .post('/api/organizations/me/verification/documents')
      .set(owner.auth)
      .attach('file', pdf(canaries.priv), 'giay-phep.pdf'),
    'upload a verification document',
  );

  const kit: Kit = {
    type,
    owner,
    actor: memberActor(owner, `owner:${type}`),
    orgId,
    offer: { id: offer.id, attachmentId: offerAtt, imageId: offerImg },
    demand: { id: demand.id, attachmentId: demandAtt, imageId: demandImg },
    draftOffer: { id: draftOffer.id, attachmentId: draftOfferAtt, imageId: draftOfferImg },
    draftDemand: { id: draftDemand.id, attachmentId: draftDemandAtt, imageId: draftDemandImg },
    pendingOfferId: pending.id,
    dealAsOwner: { id: dealAsOwner.data.id, messageId: message.data.id },
    dealAsInitiatorId: dealAsInitiator.data.id,
    matchId: '', // after matching settles
    mandateId: mandate.data.id,
    notificationId: String(notification._id),
    savedSearchId: saved.data.id,
    verification: { id: verification.data.id, documentId: withDocument.data.documents[0].id },
    canaries,
    events: undefined as unknown as KitEvents, // once the world's shared event exists
  };
  return kit;
}

/**
 * Builds the world: one kit per type of `kitTypes`, one stranger organisation
 * per type of `strangerTypes`, an administrator and the counterparties.
 */
export async function buildWorld(t: TestApp, options: { kitTypes: string[]; strangerTypes: string[] }): Promise<World> {
  const [adminLogin, counterparty, broker, victim, host] = await Promise.all([
    buildAdmin(t),
    buildOrg(t, { type: 'enterprise', verified: true, province: 'CTO' }),
    buildOrg(t, { type: 'intermediary', verified: true }),
    buildOrg(t, { type: 'enterprise', verified: true }),
    buildOrg(t, { type: 'agency', verified: true, province: 'TNG' }),
  ]);
  const cpCanary = canaryText('cpconf');
  const cpOffer = await buildListing(t, counterparty, 'offer', {
    title: 'Chế phẩm vi sinh xử lý đáy ao nuôi tôm',
    confidential: { details: `Bí mật ${cpCanary}` },
  });
  // Matches every kit's offer (same sector and keywords).
  await buildListing(
    t,
    counterparty,
    'demand',
    demandInput({
      title: 'Cần quy trình nuôi tôm tuần hoàn RAS',
      keywords: ['tôm thẻ', 'RAS'],
      sectors: ['aquaculture'],
    }),
  );
  const shared = { counterparty, counterpartyOfferId: cpOffer.id, broker };
  const kits: Kit[] = [];
  for (const type of options.kitTypes) kits.push(await buildKit(t, type, shared));
  const strangers = await Promise.all(
    options.strangerTypes.map(async (type) =>
      memberActor(await buildOrg(t, { type, verified: true }), `stranger:${type}`),
    ),
  );

  await t.workers.matcher.settled();
  for (const kit of kits) {
    const match = await t.models.Match.findOne({
      offerId: kit.offer.id,
      demandOrgId: counterparty.organization.id,
      active: true,
    }).lean();
    if (!match) throw new Error(`the matcher paired no demand with the ${kit.type} kit's offer`);
    kit.matchId = String(match._id);
  }
  const eventParts = { host, counterparty, counterpartyOfferId: cpOffer.id, broker };
  const participatingId = await hostEvent(t, eventParts);
  for (const kit of kits)
    kit.events = await buildKitEvents(
      t,
      { owner: kit.owner, offerId: kit.offer.id, privateCanary: kit.canaries.priv },
      { ...eventParts, participatingId },
    );

  const canaries: Canary[] = [
    {
      text: cpCanary,
      what: "the counterparty offer's confidential details",
      orgs: [counterparty.organization.id],
      admin: false,
    },
  ];
  for (const kit of kits) {
    const c = kit.canaries;
    const parties = [kit.orgId, counterparty.organization.id, broker.organization.id];
    canaries.push(
      // The counterparty may be granted access through the NDA routes; it is never an actor.
      { text: c.conf, what: `${kit.type}: offer confidential details`, orgs: [kit.orgId], admin: false },
      {
        text: c.priv,
        what: `${kit.type}: draft, pending listing or verification request`,
        orgs: [kit.orgId],
        admin: true,
      },
      { text: c.user, what: `${kit.type}: the owner's notification or saved search`, orgs: [kit.orgId], admin: false },
      { text: c.deal, what: `${kit.type}: a deal's messages`, orgs: parties, admin: true },
    );
  }
  return {
    t,
    anon: { label: 'anonymous', kind: 'anon', headers: {} },
    admin: { label: 'admin', kind: 'admin', headers: adminLogin.auth },
    kits,
    strangers,
    counterparty,
    counterpartyOfferId: cpOffer.id,
    broker,
    victim,
    host,
    canaries,
  };
}

/** Canaries in `text` that `actor` must not see. */
export function leakedCanaries(world: World, actor: Actor, text: string): Canary[] {
  if (!text.includes('cnry')) return [];
  return world.canaries.filter(
    (c) =>
      text.includes(c.text) &&
      !(c.admin && actor.kind === 'admin') &&
      !(actor.orgId !== undefined && c.orgs.includes(actor.orgId)),
  );
}

// ---- Filling in a request: path parameters, a valid body, a file.

/** Variants of a target: `public` is what anyone may read; `private` an unpublished listing. */
export type Scenario = 'public' | 'private';

/** The path parameters that name a resource (not `{type}`, `{sector}` or an image's `{size}`, which are codes). */
export const resourceParams = (path: string) =>
  pathParamNames(path).filter((p) => p !== 'type' && p !== 'sector' && p !== 'size');

const fresh = new Map<string, Promise<ListingRef>>();
const freshEvents = new Map<string, Promise<string>>();
const freshMembers = new Map<string, Promise<Member>>();
const freshInvitations = new Map<string, Promise<string>>();

/** An outstanding invitation of the owner's organisation (its id). */
async function inviteColleague(t: TestApp, owner: Member): Promise<string> {
  const body = await ok<{ data: { id: string } }>(
    request(t.app.server)
      .post('/api/organizations/me/invitations')
      .set(owner.auth)
      .send({ email: `moi-${crypto.randomBytes(4).toString('hex')}@example.vn`, role: 'member' }),
    'invite a colleague',
  );
  return body.data.id;
}

/**
 * Values for an operation's path parameters, from the kit. Writes to a listing
 * get a listing of their own (per operation and kit), so a delete or an
 * archive never hides the targets of the routes after it. Throws for a path
 * it does not know, so a new route needs a rule here before tests pass.
 */
export async function resolveParams(
  world: World,
  kit: Kit | undefined,
  op: Operation,
  scenario: Scenario = 'public',
): Promise<Record<string, string>> {
  const names = pathParamNames(op.path);
  const params: Record<string, string> = {};
  if (names.includes('type')) params.type = 'offer';
  if (names.includes('sector')) params.sector = 'aquaculture';
  if (names.includes('size')) params.size = 'thumb';
  if (!resourceParams(op.path).length) return params;
  if (!kit) throw new Error(`${opKey(op)} names a resource: it needs a kit`);
  const listing = /^\/(offers|demands)\/\{id\}/.exec(op.path);
  const deal = op.path.startsWith('/deals/{id}');
  if (listing) {
    const type = listing[1] === 'offers' ? 'offer' : 'demand';
    let ref: ListingRef;
    if (op.method === 'get') {
      const refs = { offer: [kit.offer, kit.draftOffer], demand: [kit.demand, kit.draftDemand] };
      ref = refs[type][scenario === 'private' ? 1 : 0];
    } else {
      const state = op.path.endsWith('/publish') ? 'draft' : 'published';
      const cacheKey = `${opKey(op)}|${kit.orgId}`;
      if (!fresh.has(cacheKey)) fresh.set(cacheKey, freshListing(world, kit, type, state));
      ref = await fresh.get(cacheKey)!;
    }
    params.id = ref.id;
    if (names.includes('attachmentId')) params.attachmentId = ref.attachmentId;
    if (names.includes('imageId')) params.imageId = ref.imageId;
  } else if (deal) {
    params.id = op.path.endsWith('/nda/accept') ? kit.dealAsInitiatorId : kit.dealAsOwner.id;
    if (names.includes('messageId')) params.messageId = kit.dealAsOwner.messageId;
  } else if (op.path.startsWith('/events/{id}')) {
    const once = (what: string, make: () => Promise<string>) => {
      const key = `${opKey(op)}|${kit.orgId}|${what}`;
      if (!freshEvents.has(key)) freshEvents.set(key, make());
      return freshEvents.get(key)!;
    };
    Object.assign(
      params,
      await eventParams(op.path, op.method, kit.events, scenario, {
        draft: () => once('draft', () => organizeEvent(world.t, kit.owner, { publish: false })),
        withdrawable: () => once('withdrawable', () => eventToWithdrawFrom(world.t, world.host, kit.owner)),
      }),
    );
  } else if (op.path.startsWith('/organizations/{id}')) params.id = kit.orgId;
  else if (op.path.startsWith('/organizations/me/members/{userId}')) {
    // A colleague of its own per operation and kit: the owner's DELETE removes them.
    const cacheKey = `${opKey(op)}|${kit.orgId}`;
    if (!freshMembers.has(cacheKey)) freshMembers.set(cacheKey, buildMember(world.t, kit.owner));
    params.userId = (await freshMembers.get(cacheKey)!).user.id;
  } else if (op.path.startsWith('/organizations/me/invitations/{id}')) {
    const cacheKey = `${opKey(op)}|${kit.orgId}`;
    if (!freshInvitations.has(cacheKey)) freshInvitations.set(cacheKey, inviteColleague(world.t, kit.owner));
    params.id = await freshInvitations.get(cacheKey)!;
  } else if (op.path.startsWith('/matches/{id}')) params.id = kit.matchId;
  else if (op.path.startsWith('/mandates/{id}')) params.id = kit.mandateId;
  else if (op.path.startsWith('/notifications/{id}')) params.id = kit.notificationId;
  else if (op.path.startsWith('/saved-searches/{id}')) params.id = kit.savedSearchId;
  else if (op.path.startsWith('/bookmarks/{listingId}')) params.listingId = kit.offer.id;
  else if (op.path.startsWith('/admin/listings/{type}/{id}')) params.id = kit.pendingOfferId;
  else if (op.path.startsWith('/admin/verifications/{id}')) {
    params.id = kit.verification.id;
    if (names.includes('documentId')) params.documentId = kit.verification.documentId;
  } else if (op.path.startsWith('/admin/users/{id}')) params.id = world.victim.user.id;
  else if (op.path.startsWith('/admin/organizations/{id}')) params.id = world.victim.organization.id;
  const missing = names.filter((n) => params[n] === undefined);
  if (missing.length)
    throw new Error(`No fixture for {${missing.join('}, {')}} of ${opKey(op)}: add one to resolveParams`);
  return params;
}

let registrations = 0;

/**
 * Valid bodies where the schema alone cannot say what is valid (cross-field
 * rules, references to existing records, credentials); every other JSON body
 * is sampled from its schema.
 */
const bodies: Record<string, (world: World, kit?: Kit) => unknown> = {
  'post /auth/register': () => ({
    email: `matrix-${Date.now().toString(36)}-${registrations++}@example.vn`,
    password: PASSWORD,
    name: 'Người kiểm thử',
    organization: { name: 'Tổ chức kiểm thử', type: 'enterprise', province: 'HN' },
  }),
  'post /auth/login': (w) => ({ email: w.counterparty.email, password: PASSWORD }),
  'post /offers': () => offerInput(),
  'post /demands': () => demandInput(),
  'patch /offers/{id}': () => ({ title: 'Tiêu đề mới của công nghệ' }),
  'patch /demands/{id}': () => ({ title: 'Tiêu đề mới của nhu cầu' }),
  'post /saved-searches': () => ({ name: 'Tìm công nghệ tôm', query: { q: 'tôm' } }),
  'post /bookmarks': (w) => ({ type: 'offer', listingId: w.counterpartyOfferId }),
  'post /deals': (w) => ({ offerId: w.counterpartyOfferId }),
  'patch /deals/{id}/stage': () => ({ stage: 'negotiation' }),
  'post /deals/{id}/intermediary': (w) => ({ organizationId: w.broker.organization.id }),
  'post /deals/{id}/nda/accept': () => ({ version: NDA.version }),
  'post /mandates': (w) => ({ clientOrgId: w.counterparty.organization.id, commission: { percent: 2 } }),
  'post /deals/{id}/proposal/decline': () => ({ reason: 'Chưa phù hợp với nhu cầu' }),
  'post /auth/password/forgot': () => ({ email: `nobody-${registrations++}@example.vn` }),
  'post /me/email': () => ({ email: `new-address-${registrations++}@example.vn`, password: 'SaiMatKhau1' }),
  'post /me/password': () => ({ currentPassword: 'SaiMatKhau1', newPassword: 'MatKhauMoi2026' }),
  'post /organizations/me/invitations': () => ({ email: `colleague-${registrations++}@example.vn`, role: 'member' }),
  // Nobody's member: the transfer is refused (404) without changing who owns what.
  'post /organizations/me/owner': (w) => ({ userId: w.victim.user.id }),
  'put /me/notification-preferences': () => ({ matches: 'digest' }),
  'patch /organizations/me/members/{userId}': () => ({ role: 'admin' }),
  'post /organizations/me/verification': () => ({
    registrationNumber: '0312345678',
    address: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
  }),
  'post /events': () => eventInput(),
  'post /events/{id}/participants': (_w, kit) => ({ listingIds: kit ? [kit.offer.id] : [] }),
  'post /events/{id}/meetings': (w) => ({ withOrganizationId: w.counterparty.organization.id }),
};

export function sampleBody(world: World, op: Operation, kit?: Kit): unknown {
  const explicit = bodies[opKey(op)];
  if (explicit) return explicit(world, kit);
  const schema = jsonBodySchema(op);
  return schema ? sampleOf(schema) : undefined;
}

/** A valid upload for a multipart operation: a spreadsheet for imports, a PNG for images, a PDF otherwise. */
export function sampleUpload(op: Operation): Upload {
  if (op.path.endsWith('/images')) return { field: 'file', filename: 'anh.png', content: tinyPng() };
  if (op.path.startsWith('/import/')) {
    const csv = stringify([columns.offer, templateRows.offer]);
    return { field: 'file', filename: 'offers.csv', content: Buffer.from(csv) };
  }
  return { field: 'file', filename: 'tai-lieu.pdf', content: pdf() };
}

/** The valid request of an operation for an actor against a kit. */
export async function sampleRequest(
  world: World,
  op: Operation,
  actor: Actor,
  kit?: Kit,
  scenario: Scenario = 'public',
): Promise<ApiRequest> {
  const params = await resolveParams(world, kit, op, scenario);
  const req: ApiRequest = { method: op.method, url: fillPath(op.path, params), headers: { ...actor.headers } };
  if (isMultipart(op)) req.upload = sampleUpload(op);
  else {
    const body = sampleBody(world, op, kit);
    if (body !== undefined) req.json = body;
  }
  return req;
}
