import { closedStages, type DealDto, type DealStage, type MessageDto, NDA, type StageChange } from '@techbridge/shared';
import type { Types } from 'mongoose';
import type { AppContext } from '../../context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import type { AuthUser } from '../accounts/passport';
import { audit } from '../audit/record';
import type { Offer } from '../listings/model';
import { type AnyListing, listingModel } from '../listings/service';
import type { Deal, Message, NdaAccess } from './model';
import { canReadDeal, dealPolicies, isOfferOwner, isParticipant, ownerOfOffer, participantOrgIds } from './policy';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export async function loadReadableDeal(ctx: AppContext, id: string, viewer: AuthUser): Promise<Deal> {
  const deal = await ctx.db.models.Deal.findById(id).lean<Deal>();
  if (!deal || !canReadDeal(viewer, deal)) throw notFound('Deal not found');
  return deal;
}

export async function loadParticipantDeal(ctx: AppContext, id: string, viewer: AuthUser): Promise<Deal> {
  const deal = await loadReadableDeal(ctx, id, viewer);
  if (!isParticipant(viewer, deal)) throw forbidden('Only the parties to this deal can do this');
  return deal;
}

/**
 * Opens a deal from an offer, a demand or a match between the caller's
 * organisation and the listing's owner. A second request for the same pair
 * and listing returns the open deal (the unique openKey guarantees one).
 */
export async function openDeal(
  ctx: AppContext,
  user: AuthUser,
  input: { offerId?: string; demandId?: string; matchId?: string; message?: string },
): Promise<{ deal: Deal; created: boolean }> {
  const { models } = ctx.db;
  if (!user.organizationId) throw forbidden('Only members of an organisation can open deals');
  let listingType: 'offer' | 'demand';
  let listing: AnyListing | null;
  let offerId: Types.ObjectId | null = null;
  let demandId: Types.ObjectId | null = null;
  let matchId: Types.ObjectId | null = null;
  if (input.matchId) {
    const match = await models.Match.findById(input.matchId).lean();
    const side =
      match && user.organizationId === String(match.offerOrgId)
        ? 'offer'
        : match && user.organizationId === String(match.demandOrgId)
          ? 'demand'
          : null;
    if (!match || !side || !match.active) throw notFound('Match not found');
    // The deal is about the other side's listing.
    listingType = side === 'offer' ? 'demand' : 'offer';
    listing = await listingModel(models, listingType)
      .findById(listingType === 'offer' ? match.offerId : match.demandId)
      .lean<AnyListing>();
    offerId = match.offerId;
    demandId = match.demandId;
    matchId = match._id;
  } else {
    listingType = input.offerId ? 'offer' : 'demand';
    listing = await listingModel(models, listingType)
      .findById(input.offerId ?? input.demandId)
      .lean<AnyListing>();
    if (listing && listingType === 'offer') offerId = listing._id;
    if (listing && listingType === 'demand') demandId = listing._id;
  }
  if (listing?.status !== 'published' || listing.deletedAt) throw notFound('Listing not found');
  if (String(listing.organizationId) === user.organizationId)
    throw badRequest('This is your own listing', { offerId: 'invalid_type' });
  const openKey = `${listingType}:${listing._id}:${user.organizationId}`;
  // The initiator's side of the pairing is now "contacted" (idempotent).
  const markContacted = () => {
    const initiatorSide = listingType === 'offer' ? 'demandState' : 'offerState';
    const pairFilter = matchId
      ? { _id: matchId }
      : listingType === 'offer'
        ? { offerId, demandOrgId: user.organizationId }
        : { demandId, offerOrgId: user.organizationId };
    return models.Match.updateMany(pairFilter, { $set: { [initiatorSide]: 'contacted' } });
  };
  const existing = await models.Deal.findOne({ openKey }).lean<Deal>();
  if (existing) {
    await markContacted();
    return { deal: existing, created: false };
  }
  const now = new Date();
  let deal: Deal;
  try {
    deal = (
      await models.Deal.create({
        listingType,
        listingId: listing._id,
        offerId,
        demandId,
        matchId,
        ownerOrgId: listing.organizationId,
        initiatorOrgId: user.organizationId,
        openKey,
        stage: 'interest',
        history: [{ stage: 'interest', at: now, byUserId: user.id, byName: user.name }],
      })
    ).toObject() as Deal;
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const raced = await models.Deal.findOne({ openKey }).lean<Deal>();
    if (!raced) throw err;
    return { deal: raced, created: false };
  }
  await markContacted();
  await ctx.events.record('deal.opened', { dealId: String(deal._id), byUserId: user.id });
  if (input.message) await sendMessage(ctx, user, deal, input.message, `open-${deal._id}`);
  return { deal, created: true };
}

async function ndaState(ctx: AppContext, deal: Deal, viewer: AuthUser) {
  const required = !!deal.offerId;
  const counterpartOrg = required
    ? participantOrgIds(deal).find((o) => o !== String(ownerOfOffer(deal)) && o !== String(deal.intermediaryOrgId))
    : null;
  const access = counterpartOrg
    ? await ctx.db.models.NdaAccess.findOne({ dealId: deal._id, orgId: counterpartOrg }).lean<NdaAccess>()
    : null;
  const status = (access?.status ?? 'none') as DealDto['nda']['status'];
  const owner = isOfferOwner(viewer, deal);
  const counterpart = !!counterpartOrg && viewer.organizationId === counterpartOrg;
  const open = !closedStages.includes(deal.stage as DealStage);
  return {
    counterpartOrg,
    nda: {
      required,
      version: NDA.version,
      status,
      canAccept: required && counterpart && open && status !== 'granted' && status !== 'accepted',
      canApprove: required && owner && open && status === 'accepted',
      canGrant: required && owner && open && status !== 'granted',
      canRevoke: required && owner && status === 'granted',
    },
  };
}

/** The viewer's organisation may see the offer's confidential details in this deal. */
export async function confidentialFor(
  ctx: AppContext,
  deal: Deal,
  viewer: AuthUser,
): Promise<{ details?: string } | null> {
  if (!deal.offerId || !viewer.organizationId) return null;
  const owner = isOfferOwner(viewer, deal);
  const granted =
    !owner &&
    (await ctx.db.models.NdaAccess.exists({ dealId: deal._id, orgId: viewer.organizationId, status: 'granted' }));
  if (!owner && !granted) return null;
  const offer = await ctx.db.models.Offer.findById(deal.offerId, { confidential: 1 }).lean<Offer>();
  return offer?.confidential?.details ? { details: offer.confidential.details } : {};
}

export async function presentDeals(ctx: AppContext, deals: Deal[], viewer: AuthUser): Promise<DealDto[]> {
  const { models } = ctx.db;
  const orgIds = [...new Set(deals.flatMap((d) => participantOrgIds(d)))];
  const [orgs, offers, demands, reads] = await Promise.all([
    models.Organization.find({ _id: { $in: orgIds } }, { name: 1, type: 1 }).lean(),
    models.Offer.find({ _id: { $in: deals.map((d) => d.offerId).filter(Boolean) } }, { title: 1 }).lean(),
    models.Demand.find({ _id: { $in: deals.map((d) => d.demandId).filter(Boolean) } }, { title: 1 }).lean(),
    models.DealRead.find({ dealId: { $in: deals.map((d) => d._id) }, userId: viewer.id }).lean(),
  ]);
  const org = new Map(orgs.map((o) => [String(o._id), { id: String(o._id), name: o.name, type: o.type }]));
  const title = new Map([...offers, ...demands].map((l) => [String(l._id), l.title]));
  const readSeq = new Map(reads.map((r) => [String(r.dealId), r.seq]));
  return Promise.all(
    deals.map(async (d) => {
      const { nda } = await ndaState(ctx, d, viewer);
      const unknownOrg = (id: unknown) => org.get(String(id)) ?? { id: String(id), name: '', type: '' };
      const unread =
        d.lastSeq > (readSeq.get(String(d._id)) ?? 0)
          ? await models.Message.countDocuments({
              dealId: d._id,
              seq: { $gt: readSeq.get(String(d._id)) ?? 0 },
              senderId: { $ne: viewer.id },
            })
          : 0;
      return {
        id: String(d._id),
        stage: d.stage as DealStage,
        listing: {
          type: d.listingType as 'offer' | 'demand',
          id: String(d.listingId),
          title: title.get(String(d.listingId)) ?? '',
        },
        offer: d.offerId ? { id: String(d.offerId), title: title.get(String(d.offerId)) ?? '' } : null,
        demand: d.demandId ? { id: String(d.demandId), title: title.get(String(d.demandId)) ?? '' } : null,
        matchId: d.matchId ? String(d.matchId) : null,
        owner: unknownOrg(d.ownerOrgId),
        initiator: unknownOrg(d.initiatorOrgId),
        intermediary: d.intermediaryOrgId ? unknownOrg(d.intermediaryOrgId) : null,
        history: d.history.map((h) => ({
          stage: h.stage as DealStage,
          at: new Date(h.at).toISOString(),
          by: { id: String(h.byUserId), name: h.byName },
          ...(h.note ? { note: h.note } : {}),
        })),
        outcome: d.outcome?.contractType
          ? {
              contractType: d.outcome.contractType,
              valueVnd: d.outcome.valueVnd ?? 0,
              date: new Date(d.outcome.date as Date).toISOString().slice(0, 10),
              ...(d.outcome.note ? { note: d.outcome.note } : {}),
            }
          : null,
        lastMessageAt: iso(d.lastMessageAt),
        lastSeq: d.lastSeq,
        unread,
        nda,
        confidential: await confidentialFor(ctx, d, viewer),
        policies: dealPolicies(viewer, d),
        createdAt: new Date(d.createdAt).toISOString(),
        updatedAt: new Date(d.updatedAt).toISOString(),
      };
    }),
  );
}

export async function presentDeal(ctx: AppContext, deal: Deal, viewer: AuthUser): Promise<DealDto> {
  return (await presentDeals(ctx, [deal], viewer))[0];
}

/** Moves a deal to a stage; `won` needs the outcome (checked by the schema); closed deals stay closed. */
export async function changeStage(ctx: AppContext, user: AuthUser, deal: Deal, change: StageChange): Promise<Deal> {
  if (closedStages.includes(deal.stage as DealStage)) throw conflict('This deal is closed');
  const now = new Date();
  const closing = closedStages.includes(change.stage);
  const updated = await ctx.db.models.Deal.findOneAndUpdate(
    { _id: deal._id, stage: deal.stage },
    {
      $set: {
        stage: change.stage,
        ...(change.outcome ? { outcome: { ...change.outcome, date: new Date(change.outcome.date) } } : {}),
        ...(closing ? { closedAt: now, openKey: `closed:${deal._id}` } : {}),
      },
      $push: {
        history: {
          stage: change.stage,
          at: now,
          byUserId: user.id,
          byName: user.name,
          ...(change.note ? { note: change.note } : {}),
        },
      },
    },
    { new: true },
  ).lean<Deal>();
  if (!updated) throw conflict('The deal changed meanwhile; reload and try again');
  await ctx.events.record('deal.updated', {
    dealId: String(deal._id),
    reason: 'stage',
    stage: change.stage,
    byUserId: user.id,
  });
  return updated;
}

export async function inviteIntermediary(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  organizationId: string,
): Promise<Deal> {
  const org = await ctx.db.models.Organization.findById(organizationId, { type: 1, status: 1 }).lean();
  if (org?.type !== 'intermediary' || org.status !== 'active') {
    throw badRequest('Invite an active intermediary organisation', { organizationId: 'org_type' });
  }
  if (participantOrgIds(deal).includes(organizationId)) throw conflict('Already a participant');
  const updated = await ctx.db.models.Deal.findOneAndUpdate(
    { _id: deal._id, intermediaryOrgId: null },
    { $set: { intermediaryOrgId: organizationId } },
    { new: true },
  ).lean<Deal>();
  if (!updated) throw conflict('This deal already has an intermediary');
  await ctx.events.record('deal.updated', { dealId: String(deal._id), reason: 'intermediary', byUserId: user.id });
  return updated;
}

export interface StoredFile {
  name: string;
  type: string;
  size: number;
  storedAs: string;
}

export function presentMessage(m: Message): MessageDto {
  const file = m.attachment as unknown as StoredFile | null;
  return {
    id: String(m._id),
    dealId: String(m.dealId),
    seq: m.seq,
    body: m.body ?? '',
    sender: { id: String(m.senderId), name: m.senderName },
    organization: { id: String(m.orgId), name: m.orgName },
    clientId: m.clientId,
    attachment: file?.storedAs
      ? {
          name: file.name,
          type: file.type,
          size: file.size,
          url: `/api/deals/${m.dealId}/messages/${m._id}/attachment`,
        }
      : null,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

const perDeal = keyedMutex();

export async function sendMessage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  body: string,
  clientId: string,
  attachment?: StoredFile,
): Promise<{ message: Message; created: boolean }> {
  return perDeal(String(deal._id), () => storeMessage(ctx, user, deal, body, clientId, attachment));
}

/**
 * Stores a message with the next per-deal sequence number. Idempotent on
 * (sender, clientId): a retry returns the stored message instead of a copy.
 * Sends of one deal are serialised (see keyedMutex); should another instance
 * take the same number, the unique (deal, seq) index refuses it and the
 * counter is resynchronised before trying again.
 */
async function storeMessage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  body: string,
  clientId: string,
  attachment?: StoredFile,
): Promise<{ message: Message; created: boolean }> {
  const { models } = ctx.db;
  const existing = await models.Message.findOne({ dealId: deal._id, senderId: user.id, clientId }).lean<Message>();
  if (existing) return { message: existing, created: false };
  const org = await models.Organization.findById(user.organizationId, { name: 1 }).lean();
  for (let attempt = 0; ; attempt++) {
    const now = new Date();
    // No projection: FerretDB's findAndModify does not support one.
    const counter = await models.Deal.findOneAndUpdate(
      { _id: deal._id },
      { $inc: { lastSeq: 1 }, $set: { lastMessageAt: now } },
      { new: true },
    ).lean<Deal>();
    if (!counter) throw notFound('Deal not found');
    try {
      const message = (
        await models.Message.create({
          dealId: deal._id,
          seq: counter.lastSeq,
          senderId: user.id,
          senderName: user.name,
          orgId: user.organizationId,
          orgName: org?.name ?? '',
          body,
          clientId,
          attachment: attachment ?? null,
        })
      ).toObject() as Message;
      await models.DealRead.updateOne(
        { dealId: deal._id, userId: user.id },
        { $max: { seq: message.seq } },
        { upsert: true },
      );
      await ctx.events.record('message.created', { dealId: String(deal._id), messageId: String(message._id) });
      return { message, created: true };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000 || attempt >= 5) throw err;
      const stored = await models.Message.findOne({ dealId: deal._id, senderId: user.id, clientId }).lean<Message>();
      if (stored) return { message: stored, created: false };
      const last = await models.Message.findOne({ dealId: deal._id }).sort({ seq: -1 }).lean<Message>();
      await models.Deal.updateOne({ _id: deal._id }, { $max: { lastSeq: last?.seq ?? 0 } });
    }
  }
}

export async function markRead(ctx: AppContext, user: AuthUser, deal: Deal, seq: number): Promise<number> {
  const upTo = Math.min(seq, deal.lastSeq);
  await ctx.db.models.DealRead.updateOne(
    { dealId: deal._id, userId: user.id },
    { $max: { seq: upTo } },
    { upsert: true },
  );
  return upTo;
}

type NdaAction = 'accept' | 'approve' | 'grant' | 'revoke';

/**
 * The NDA flow for an offer's confidential details, per deal and per
 * organisation: the counterpart accepts the standard NDA, the offer's owner
 * approves (or grants directly), and may revoke. Each step is audited.
 */
export async function ndaStep(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  action: NdaAction,
  meta: { ip: string | null; version?: string },
): Promise<Deal> {
  const { nda, counterpartOrg } = await ndaState(ctx, deal, user);
  if (!nda.required || !counterpartOrg) throw badRequest('This deal has no offer with confidential details');
  const allowed = { accept: nda.canAccept, approve: nda.canApprove, grant: nda.canGrant, revoke: nda.canRevoke }[
    action
  ];
  if (!allowed) {
    const ownerAction = action !== 'accept';
    if (ownerAction !== isOfferOwner(user, deal)) throw forbidden('Not your step in the NDA');
    throw conflict('Not possible in the current NDA state');
  }
  if (action === 'accept' && meta.version !== NDA.version) {
    throw badRequest('Accept the current NDA version', { version: 'invalid_type' });
  }
  const status = { accept: 'accepted', approve: 'granted', grant: 'granted', revoke: 'revoked' }[action];
  await ctx.db.models.NdaAccess.updateOne(
    { dealId: deal._id, orgId: counterpartOrg },
    {
      $set: { status, ...(action === 'accept' ? { version: NDA.version } : {}) },
      $setOnInsert: { offerId: deal.offerId },
    },
    { upsert: true },
  );
  await audit(ctx, {
    action: `nda.${action === 'accept' ? 'accepted' : action === 'approve' ? 'approved' : action === 'grant' ? 'granted' : 'revoked'}`,
    actor: user,
    targetType: 'offer',
    targetId: deal.offerId,
    dealId: deal._id,
    ip: meta.ip,
    version: NDA.version,
    details: { counterpartOrgId: counterpartOrg },
  });
  if (action === 'accept' && deal.stage === 'contacted') {
    // Accepting the NDA moves an early deal into its NDA stage.
    return changeStage(ctx, user, deal, { stage: 'nda' });
  }
  await ctx.events.record('deal.updated', { dealId: String(deal._id), reason: `nda.${action}`, byUserId: user.id });
  return (await ctx.db.models.Deal.findById(deal._id).lean<Deal>()) ?? deal;
}

/** Whether an organisation holds granted access to an offer's confidential details through any deal. */
export async function hasGrantedAccess(ctx: AppContext, offerId: unknown, orgId: string | null): Promise<boolean> {
  if (!orgId) return false;
  return !!(await ctx.db.models.NdaAccess.exists({ offerId, orgId, status: 'granted' }));
}
