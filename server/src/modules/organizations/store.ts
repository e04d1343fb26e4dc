import { Types } from 'mongoose';
import { defineStore, findEachById, mapEachById } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { RECENT_READ_MAX_AGE_MS, recentRecords } from '../../platform/lib/recentRecords';
import type {
  Invitation,
  InvitationModel,
  Organization,
  OrganizationModel,
  Verification,
  VerificationModel,
} from './model';

export type OrgStatus = 'active' | 'suspended';

type VerificationDecision = { status: 'approved' | 'rejected'; reason: string | null; decidedBy: string };

/**
 * Every query on organisations, their members and their verification
 * requests. All are `_id` lookups or key collections except those named
 * `scan…` (organisations are few; these serve directories and admin lists).
 */
export const organizationStore = defineStore((connection) => {
  const Organization = connection.model('Organization') as OrganizationModel;
  const Verification = connection.model('Verification') as VerificationModel;
  const members = keyIndex(connection, 'OrgMembers');
  const queue = keyIndex(connection, 'VerificationQueue');
  const Invitation = connection.model('Invitation') as InvitationModel;
  const invitations = keyIndex(connection, 'OrgInvitations');
  /** Writes to one organisation document (FerretDB applies updates as read-modify-write). */
  const perOrgWrite = keyedMutex();
  /** Organisations read lately by background passes (matching reads the same few for every listing). */
  const recent = recentRecords<Organization>({ retainMs: RECENT_READ_MAX_AGE_MS, capacity: 5_000 });
  /** Their members' ids, likewise (announcements notify the same organisations' members again and again). */
  const recentMembers = recentRecords<{ _id: string; ids: string[] }>({
    retainMs: RECENT_READ_MAX_AGE_MS,
    capacity: 5_000,
  });
  const perOrg = <T>(id: unknown, work: () => Promise<T>): Promise<T> =>
    perOrgWrite(String(id), () => recent.writing([id], work));

  return {
    organizations: collectionEventSource('organizations', Organization, perOrg),
    verifications: collectionEventSource('verifications', Verification, (id, work) =>
      perOrg(`verification:${id}`, work),
    ),

    findById: (id: unknown) => Organization.findById(id).lean<Organization>(),
    findEachById: (ids: unknown[]) => findEachById<Organization>(Organization, ids),
    mapById: (ids: unknown[]) => mapEachById<Organization>(Organization, ids),
    /**
     * findEachById for background passes: an organisation read within `maxAgeMs` is not read again. A write
     * through this store shows at once; another instance's write within `maxAgeMs`.
     */
    findEachRecent: (ids: unknown[], maxAgeMs = RECENT_READ_MAX_AGE_MS): Promise<Organization[]> =>
      recent.read(ids, maxAgeMs, (missing) => findEachById<Organization>(Organization, missing)),

    async create(input: {
      _id?: string;
      name: string;
      type: string;
      province: string;
      verified?: boolean;
    }): Promise<Organization> {
      return (await Organization.create(input)).toObject() as Organization;
    },
    remove: (id: unknown) => perOrg(id, () => Organization.deleteOne({ _id: id })),

    async setVerified(id: string, verified: boolean): Promise<Organization | null> {
      return perOrg(id, () =>
        Organization.findByIdAndUpdate(id, { $set: { verified } }, { new: true }).lean<Organization>(),
      );
    },

    /** Sets (`$set`) and clears (`$unset` → null/[] defaults) profile fields. */
    async updateProfile(id: string, set: Record<string, unknown>): Promise<Organization | null> {
      return perOrg(id, () =>
        Organization.findByIdAndUpdate(id, { $set: set }, { new: true, runValidators: true }).lean<Organization>(),
      );
    },

    /** Demo seeding only: when the organisation joined, and when its verification request was sent. */
    backdate: (id: unknown, createdAt: Date) =>
      perOrg(id, () => Organization.collection.updateOne({ _id: id as never }, { $set: { createdAt } })),
    backdateVerification: (id: unknown, createdAt: Date) =>
      Verification.collection.updateOne({ _id: id as never }, { $set: { createdAt, updatedAt: createdAt } }),

    /** Records (or forgets) a won deal of the organisation: idempotent, so a retried event counts once. */
    async recordWonDeal(id: string, dealId: string, won: boolean): Promise<void> {
      await perOrg(id, () =>
        Organization.updateOne(
          { _id: id },
          won ? { $addToSet: { wonDealIds: dealId } } : { $pull: { wonDealIds: dealId } },
        ),
      );
    },

    /** Sets the status, carrying the event that re-projects the organisation's listings. */
    async setStatus(id: string, status: OrgStatus, events: PendingEvent[]): Promise<Organization | null> {
      return perOrg(id, () =>
        Organization.findByIdAndUpdate(id, carry({ $set: { status } }, events), { new: true }).lean<Organization>(),
      );
    },

    /** Member user ids (key collection). */
    memberIds: (orgId: unknown) => members.get(String(orgId)),
    /** memberIds for background passes: read within `maxAgeMs`, not read again (as findEachRecent). */
    async memberIdsRecent(orgId: unknown, maxAgeMs = RECENT_READ_MAX_AGE_MS): Promise<string[]> {
      const [found] = await recentMembers.read([orgId], maxAgeMs, async ([id]) => [
        { _id: id, ids: await members.get(id) },
      ]);
      return found.ids;
    },
    addMember: (orgId: unknown, userId: unknown) =>
      recentMembers.writing([orgId], () => members.add(String(orgId), [String(userId)])),
    removeMember: (orgId: unknown, userId: unknown) =>
      recentMembers.writing([orgId], () => members.remove(String(orgId), [String(userId)])),

    // ---- Invitations (key collection per organisation, each read by `_id`)

    newInvitationId: () => new Types.ObjectId(),
    async createInvitation(doc: Omit<Invitation, 'createdAt' | 'updatedAt'>): Promise<Invitation> {
      const created = (await Invitation.create(doc)).toObject() as Invitation;
      await invitations.add(String(doc.organizationId), [String(created._id)]);
      return created;
    },
    findInvitation: (id: unknown) => Invitation.findById(id).lean<Invitation>(),
    async invitationsOf(orgId: unknown): Promise<Invitation[]> {
      return findEachById<Invitation>(Invitation, await invitations.get(String(orgId)));
    },
    /** Deletes an invitation (accepted or revoked): true for the one call that deleted it. */
    async removeInvitation(invitation: Pick<Invitation, '_id' | 'organizationId'>): Promise<boolean> {
      const { deletedCount } = await Invitation.deleteOne({ _id: invitation._id });
      await invitations.remove(String(invitation.organizationId), [String(invitation._id)]);
      return deletedCount === 1;
    },

    /** scan: active organisations, optionally of one type (the directory; organisations are few). */
    scanActive: (type?: string) =>
      Organization.find({ status: 'active', ...(type ? { type } : {}) })
        .sort({ name: 1 })
        .limit(500)
        .lean<Organization[]>(),
    /** scan: organisations for the administrators' list, newest first. */
    scanForAdmin: (verified?: boolean) =>
      Organization.find(verified === undefined ? {} : { verified })
        .sort({ createdAt: -1 })
        .limit(500)
        .lean<Organization[]>(),

    // ---- Verification requests

    findVerification: (id: unknown) => Verification.findById(id).lean<Verification>(),
    /** The organisation's latest request (a lookup through the organisation). */
    async latestVerification(orgId: unknown): Promise<Verification | null> {
      const org = await Organization.findById(orgId, { latestVerificationId: 1 }).lean();
      return org?.latestVerificationId ? Verification.findById(org.latestVerificationId).lean<Verification>() : null;
    },
    async createVerification(input: Record<string, unknown> & { organizationId: string; requestedBy: string }) {
      const created = (await Verification.create(input)).toObject() as Verification;
      await perOrg(input.organizationId, () =>
        Organization.updateOne({ _id: input.organizationId }, { $set: { latestVerificationId: created._id } }),
      );
      await queue.add('pending', [String(created._id)]);
      return created;
    },
    addVerificationDocument: (
      id: Types.ObjectId,
      doc: { name: string; type: string; size: number; storedAs: string },
    ) => Verification.findByIdAndUpdate(id, { $push: { documents: doc } }, { new: true }).lean<Verification>(),
    /** Requests with a status, oldest first (key collection). */
    async verificationsWithStatus(status: string): Promise<Verification[]> {
      const ids = (await queue.get(status)).slice(-500);
      return (await findEachById<Verification>(Verification, ids)).filter((v) => v.status === status);
    },
    /**
     * Decides a pending request, carrying the decision's event. Resolves with
     * the decided request, or null when it was not pending (decided meanwhile).
     */
    async decideVerification(id: string, decision: VerificationDecision, events: PendingEvent[]) {
      return perOrg(`verification:${id}`, async () => {
        const current = await Verification.findById(id).lean<Verification>();
        if (current?.status !== 'pending') return null;
        const decided = await Verification.findByIdAndUpdate(
          id,
          carry({ $set: { ...decision, decidedAt: new Date() } }, events),
          { new: true },
        ).lean<Verification>();
        await queue.remove('pending', [id]);
        await queue.add(decision.status, [id]);
        return decided;
      });
    },
  };
});

export type OrganizationStore = ReturnType<typeof organizationStore>;
