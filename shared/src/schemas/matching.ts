import { type MatchFeedbackReason, matchFeedbackReasons } from '../matching/feedback';
import type { MatchReason } from '../matching/score';
import { sectorCodes } from '../taxonomies';
import { objectIdSchema, text } from './common';
import { type ListingDto, type ListingType, listingTypes, searchQuerySchema } from './listings';
import { z } from './zod';

export const matchStates = ['new', 'seen', 'dismissed', 'contacted'] as const;
export type MatchState = (typeof matchStates)[number];

export interface MatchListingRef {
  id: string;
  title: string;
  organization: { id: string; name: string };
}

export interface MatchDto {
  id: string;
  score: number;
  reasons: MatchReason[];
  offer: MatchListingRef;
  demand: MatchListingRef;
  /** The state on the viewer's side (their organisation's), or null for an administrator. */
  state: MatchState | null;
  /** Why the viewer's side dismissed it, if it gave a reason. */
  feedback: { reason: MatchFeedbackReason; note: string | null; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

export const notificationTypes = [
  'match.new',
  'listing.approved',
  'listing.rejected',
  'saved_search.hit',
  'sector.new_listing',
  'deal.opened',
  'deal.message',
  'deal.stage',
  'deal.nda',
  'deal.proposal',
  'deal.proposal_shortlisted',
  'deal.proposal_declined',
  'deal.confirm',
  'deal.introduction',
  'mandate.requested',
  'mandate.accepted',
  'mandate.ended',
  'organization.verified',
  'organization.rejected',
  'event.meeting_request',
  'event.meeting_answer',
  'event.meeting_cancelled',
  'event.schedule',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

export interface NotificationDto {
  id: string;
  type: NotificationType;
  /** What the client needs to render and link it: ids, titles, score, stage… */
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

/** "Không phù hợp": dismissing a match, with why. */
export const matchDismissSchema = z.strictObject({
  reason: z.enum(matchFeedbackReasons, 'feedback_reason').optional(),
  note: text(0, 500, 'invalid_type').optional(),
});
export type MatchDismissInput = z.infer<typeof matchDismissSchema>;

export const matchListQuerySchema = z.strictObject({
  state: z.enum(matchStates, 'invalid_type').optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(200, 'too_long').default(50),
});

export const notificationListQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false'], 'invalid_type').optional(),
  before: z.iso.datetime('date').optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(100, 'too_long').default(30),
});

/** A saved search stores the same filters as GET /api/search (without paging and sort). */
export const savedSearchCreateSchema = z.strictObject({
  name: text(2, 100),
  query: searchQuerySchema.omit({ page: true, limit: true, sort: true }),
});
export type SavedSearchInput = z.infer<typeof savedSearchCreateSchema>;

export interface SavedSearchDto {
  id: string;
  name: string;
  query: SavedSearchInput['query'];
  createdAt: string;
}

export const followCreateSchema = z.strictObject({
  sector: z.enum(sectorCodes as [string, ...string[]], 'sector'),
});

/** POST /bookmarks: save a listing to come back to ("Đã lưu"). */
export const bookmarkCreateSchema = z.strictObject({
  listingId: objectIdSchema,
  type: z.enum(listingTypes, 'invalid_type'),
});
export type BookmarkInput = z.infer<typeof bookmarkCreateSchema>;

export interface BookmarkDto {
  type: ListingType;
  listingId: string;
  listing: ListingDto;
}
