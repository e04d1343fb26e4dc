import type { ListingType } from '@techbridge/shared';

/**
 * Every domain event and its payload. A write carries its event in the
 * document it changes (see platform/events/pending.ts); processors declare
 * which of these they handle (see the modules' processor files).
 */
export interface DomainEvents {
  /** First publications: one listing, or a batch (an import, an organisation's verification). */
  'listing.published': { type: ListingType; listingIds: string[] };
  /** An administrator approved or rejected a listing waiting for review. */
  'listing.moderated': { type: ListingType; listingId: string; decision: 'approved' | 'rejected'; reason?: string };
  /** One listing's matching pass made new strong pairs (MATCH_STRONG, best first): the pairs it announces. */
  'match.created': { type: ListingType; listingId: string; matchIds: string[] };
  'deal.opened': { dealId: string; byUserId: string; ip?: string | null };
  /** Every change of a deal; `journal` is what its journal records (modules/deals/journal.ts). */
  'deal.updated': {
    dealId: string;
    reason: DealUpdateReason;
    stage?: string;
    byUserId: string;
    ip?: string | null;
    journal?: { action: string; details?: Record<string, unknown>; version?: string | null };
  };
  'message.created': { dealId: string; messageId: string };
  /** An organisation was suspended or reactivated: its listings leave or rejoin search and matching. */
  /** A broker's mandate was asked for, accepted, declined or ended. */
  'mandate.changed': { mandateId: string; change: 'requested' | 'accepted' | 'declined' | 'ended'; byUserId: string };
  'organization.status_changed': { organizationId: string; status: 'active' | 'suspended' };
  /** A user was suspended or reactivated: the listings they wrote leave or rejoin search and matching. */
  'user.status_changed': { userId: string; status: 'active' | 'suspended' };
  /** A verification request was decided; approval also released the listings waiting for it. */
  'organization.verification_decided': {
    organizationId: string;
    verificationId: string;
    decision: 'approved' | 'rejected';
    reason?: string;
  };
  /** A meeting of an event was requested, answered, cancelled, attended or turned into a deal. */
  'event.meeting_changed': { eventId: string; meetingId: string; change: MeetingChange; byUserId: string };
  /** A scheduler run (or a withdrawal) changed the slots of these meetings; `version` is the schedule's new one. */
  'event.schedule_changed': { eventId: string; version: number; meetingIds: string[] };
}

export type MeetingChange = 'requested' | 'accepted' | 'declined' | 'cancelled' | 'held' | 'no_show' | 'deal_started';

export type DealUpdateReason =
  | 'stage'
  | 'stage.proposed'
  | 'stage.confirmed'
  | 'stage.declined'
  | 'stage.withdrawn'
  | 'intermediary'
  | 'nda.accept'
  | 'nda.approve'
  | 'nda.grant'
  | 'nda.revoke'
  | 'proposal.submitted'
  | 'proposal.updated'
  | 'proposal.attachment'
  | 'proposal.shortlisted'
  | 'proposal.declined'
  | 'introduction.accepted'
  | 'introduction.declined';
