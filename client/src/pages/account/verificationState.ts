import type { VerificationDto } from '../../api/verification';

/** What the verification card says and offers, from the organisation's state and its latest request. */
export interface VerificationView {
  /** The note under the heading. */
  note: 'verified' | 'pending' | 'pendingMember' | 'rejected' | 'none' | null;
  /** Only owners may ask: members are told so (unless a request is pending, which says it already). */
  notOwner: boolean;
  /** The latest request's details (once verified, only an approved one: an older rejection is no longer of interest). */
  showRequest: boolean;
  /** Documents can be added to a pending request, by its owner. */
  canUpload: boolean;
  /** The form to ask again (or for the first time). */
  canRequest: boolean;
}

export function verificationView(
  verified: boolean,
  latest: Pick<VerificationDto, 'status'> | null,
  isOwner: boolean,
): VerificationView {
  const pending = latest?.status === 'pending';
  let note: VerificationView['note'] = null;
  if (verified) note = 'verified';
  else if (pending) note = isOwner ? 'pending' : 'pendingMember';
  else if (latest?.status === 'rejected') note = 'rejected';
  else if (!latest) note = 'none';
  return {
    note,
    notOwner: !verified && !isOwner && !pending,
    showRequest: !!latest && (!verified || latest.status === 'approved'),
    canUpload: pending && isOwner,
    canRequest: isOwner && !verified && !pending,
  };
}
