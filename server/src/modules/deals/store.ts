import { Types } from 'mongoose';
import { defineStore, findEachById, isDuplicateKey } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { leases } from '../../platform/lease';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { mapLimit } from '../../platform/lib/mapLimit';
import { type Deal, type DealModel, type DealReadModel, type Message, type MessageModel, messageId } from './model';

/**
 * Every query on deals, their messages, read positions and NDA grants.
 * All are `_id` lookups (messages and read positions have derived ids) or
 * key collections; nothing filters these collections.
 */
export const dealStore = defineStore((connection) => {
  const Deal = connection.model('Deal') as DealModel;
  const Message = connection.model('Message') as MessageModel;
  const DealRead = connection.model('DealRead') as DealReadModel;
  const orgDeals = keyIndex(connection, 'OrgDeals');
  const openDeals = keyIndex(connection, 'OpenDeals');
  const ndaGrants = keyIndex(connection, 'NdaGrants');
  const messageKeys = keyIndex(connection, 'MessageKeys');
  const demandProposals = keyIndex(connection, 'DemandProposals');
  /**
   * Every write to one deal goes through its lease (platform/lease.ts), held
   * by one request at a time across all instances on the database: a deal's
   * rules are checked on the state read under it before it is written, and
   * FerretDB's read-modify-write updates of the deal never interleave.
   */
  const dealLeases = leases(connection);
  const withDeal = <T>(id: unknown, work: () => Promise<T>) => dealLeases.run(`deal:${id}`, work);
  const perDeal = keyedMutex();
  const perRead = keyedMutex();

  const clientKey = (dealId: unknown, senderId: unknown, clientId: string) => `${dealId}:${senderId}:${clientId}`;
  const readKey = (dealId: unknown, userId: unknown) => `${dealId}:${userId}`;

  return {
    // Releasing carried events rewrites the deal on FerretDB: under the same lease as every other write.
    deals: collectionEventSource('deals', Deal, withDeal),
    messages: collectionEventSource('messages', Message, (id, work) => perDeal(`message:${id}`, work)),

    /** Demo seeding only: a deal's dates (history, NDA, outcome, creation) moved into the past, under its lease. */
    backdate: (id: unknown, set: Record<string, unknown>) =>
      withDeal(id, () => Deal.collection.updateOne({ _id: id as never }, { $set: set })),
    /** Demo seeding only: the offer and demand a deal pairs (as a match would have given them). */
    setPair: (id: unknown, pair: { offerId: unknown; demandId: unknown }) =>
      withDeal(id, () => Deal.collection.updateOne({ _id: id as never }, { $set: pair })),
    /** Demo seeding only: when a message was sent. */
    backdateMessage: (id: unknown, createdAt: Date) =>
      Message.collection.updateOne({ _id: id as never }, { $set: { createdAt, updatedAt: createdAt } }),

    /** Runs work on a deal under its lease (every write to a deal does; never nested). */
    withDeal,

    findById: (id: unknown) => Deal.findById(id).lean<Deal>(),
    findEachById: (ids: unknown[]) => findEachById<Deal>(Deal, ids, undefined, 16),
    /** The deals an organisation takes part in (its key collection, then each by `_id`). */
    async ofOrganization(orgId: string): Promise<Deal[]> {
      return findEachById<Deal>(Deal, await orgDeals.get(orgId), undefined, 16);
    },
    /** scan: every deal (operators' statistics). */
    scanAll: () => Deal.find({}).lean<Deal[]>(),
    /** scan: how many deals are under way (not won or lost); the landing page's background count. */
    scanUnderWayCount: () => Deal.countDocuments({ stage: { $nin: ['won', 'lost'] } }),
    /** The open deal under an open key, if any. */
    async findOpen(openKey: string): Promise<Deal | null> {
      const [id] = await openDeals.get(openKey);
      return id ? Deal.findById(id).lean<Deal>() : null;
    },

    /**
     * Creates the deal under its open key, carrying its events; if another
     * request opened the same deal first, resolves with that one instead.
     */
    async open(doc: Record<string, unknown> & { openKey: string }, events: (dealId: string) => PendingEvent[]) {
      const _id = new Types.ObjectId();
      for (let attempt = 0; ; attempt++) {
        if (await openDeals.claim(doc.openKey, [String(_id)])) break;
        const [existingId] = await openDeals.get(doc.openKey);
        const existing = existingId ? await Deal.findById(existingId).lean<Deal>() : null;
        if (existing) return { deal: existing, created: false };
        // A key left by a request that did not get to create its deal (or is about to): wait, then take it over.
        if (attempt >= 20) {
          await openDeals.set(doc.openKey, [String(_id)]);
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const deal = (await Deal.create({ ...doc, _id, pendingEvents: events(String(_id)) })).toObject() as Deal;
      await Promise.all([
        orgDeals.add(String(deal.ownerOrgId), [String(_id)]),
        orgDeals.add(String(deal.initiatorOrgId), [String(_id)]),
      ]);
      return { deal, created: true };
    },

    /** A write by `_id`, carrying events; the caller holds the deal's lock. Resolves with the deal afterwards. */
    update: (id: unknown, update: Record<string, unknown>, events: PendingEvent[] = []) =>
      Deal.findByIdAndUpdate(id, carry(update, events), { new: true }).lean<Deal>(),
    /** A closed deal frees its open key, so the same parties may open a new one. */
    releaseOpenKey: (openKey: string) => openDeals.drop(openKey),
    /** A reopened deal takes its open key back; false when the parties opened another deal meanwhile. */
    claimOpenKey: (openKey: string, dealId: unknown) => openDeals.claim(openKey, [String(dealId)]),
    /** The deals answering a demand with a proposal (key collection). */
    proposalsFor: async (demandId: unknown) =>
      findEachById<Deal>(Deal, await demandProposals.get(String(demandId)), undefined, 16),
    addProposal: (demandId: unknown, dealId: unknown) => demandProposals.add(String(demandId), [String(dealId)]),
    addParticipant: (orgId: unknown, dealId: unknown) => orgDeals.add(String(orgId), [String(dealId)]),

    /** Records that an organisation holds (or no longer holds) access to an offer's details through a deal. */
    async setGrant(offerId: unknown, orgId: unknown, dealId: unknown, granted: boolean): Promise<void> {
      const key = `${offerId}:${orgId}`;
      if (granted) await ndaGrants.add(key, [String(dealId)]);
      else await ndaGrants.remove(key, [String(dealId)]);
    },
    /** Which of the offers the organisation was granted access to in some deal (a key lookup per offer). */
    async grantedOffers(orgId: string, offerIds: string[]): Promise<Set<string>> {
      const granted = await mapLimit(offerIds, 16, async (id) => (await ndaGrants.get(`${id}:${orgId}`)).length > 0);
      return new Set(offerIds.filter((_, i) => granted[i]));
    },

    // ---- Messages

    messageById: (id: unknown) => Message.findById(id).lean<Message>(),
    messageIdOf: (dealId: unknown, seq: number) => String(messageId(dealId, seq)),
    /** Messages of a deal by sequence number (each an `_id` lookup), in the order given. */
    messagesBySeq: (dealId: unknown, seqs: number[]) =>
      findEachById<Message>(
        Message,
        seqs.map((s) => messageId(dealId, s)),
        undefined,
        16,
      ),
    /** The message a sender already sent with this client id (a retry), if any. */
    async messageForClient(dealId: unknown, senderId: unknown, clientId: string): Promise<Message | null> {
      const [seq] = await messageKeys.get(clientKey(dealId, senderId, clientId));
      return seq ? Message.findById(messageId(dealId, Number(seq))).lean<Message>() : null;
    },
    /** scan: the same, when the key is missing (a crash between storing a message and its key; rare). */
    scanMessageForClient: (dealId: unknown, senderId: unknown, clientId: string) =>
      Message.findOne({ dealId, senderId, clientId }).lean<Message>(),
    /** Hands out the deal's next sequence number (the caller holds the deal's lock). */
    async nextSeq(dealId: unknown): Promise<number | null> {
      // No projection: FerretDB's findAndModify does not support one.
      const counter = await Deal.findOneAndUpdate(
        { _id: dealId },
        { $inc: { lastSeq: 1 }, $set: { lastMessageAt: new Date() } },
        { new: true },
      ).lean<Deal>();
      return counter?.lastSeq ?? null;
    },
    /**
     * Stores a message under its derived id, carrying its events; resolves
     * false when the number was taken (another instance), true when stored.
     */
    async insertMessage(
      doc: Record<string, unknown> & { dealId: unknown; seq: number; senderId: unknown; clientId: string },
      events: PendingEvent[],
    ) {
      try {
        await Message.create({ ...doc, _id: messageId(doc.dealId, doc.seq), pendingEvents: events });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        return false;
      }
      await messageKeys.set(clientKey(doc.dealId, doc.senderId, doc.clientId), [String(doc.seq)]);
      return true;
    },

    // ---- Read positions

    /** How far each user read (`_id` lookups); a deal never read counts from 0. */
    async readSeqs(pairs: { dealId: unknown; userId: unknown }[]): Promise<Map<string, number>> {
      const reads = await findEachById<{ _id: string; seq: number }>(
        DealRead,
        pairs.map((p) => readKey(p.dealId, p.userId)),
        undefined,
        16,
      );
      return new Map(reads.map((r) => [r._id, r.seq]));
    },
    readKey,
    /** Moves a user's read position forward (never back). */
    markRead: (dealId: unknown, userId: unknown, seq: number) =>
      perRead(readKey(dealId, userId), () =>
        DealRead.updateOne({ _id: readKey(dealId, userId) }, { $max: { seq } }, { upsert: true }),
      ),
  };
});

export type DealStore = ReturnType<typeof dealStore>;
