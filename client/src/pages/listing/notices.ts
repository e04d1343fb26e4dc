import type { ListingStatus } from '@techbridge/shared';

/** What the previous page did to a listing, passed in navigation state and shown as an alert. */
export type ListingNotice = 'published' | 'pending_review' | 'archived' | 'saved' | 'created';

export interface ListingNoticeState {
  notice?: ListingNotice;
  /** A follow-up step failed (e.g. publishing after saving); already in words. */
  error?: string;
}

export function readNotice(state: unknown): ListingNoticeState {
  const s = (state ?? {}) as ListingNoticeState;
  return { notice: s.notice, error: typeof s.error === 'string' ? s.error : undefined };
}

/** The notice after a publish call, which answers "published" or "pending_review" (organisation not verified). */
export function publishNotice(status: ListingStatus): ListingNotice {
  return status === 'published' ? 'published' : 'pending_review';
}
