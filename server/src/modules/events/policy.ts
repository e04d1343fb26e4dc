import type { AuthUser } from '../../platform/principal';

interface EventLike {
  organizerOrgId?: unknown;
  status: string;
  registrationClosesAt: Date;
  endsAt: Date;
}

interface MeetingLike {
  requesterOrgId: unknown;
  recipientOrgId: unknown;
  status: string;
  attendance?: string | null;
  dealId?: unknown;
}

/** Organisation types that organise events (besides platform administrators). */
export const organizerTypes = ['agency', 'intermediary'];

/** Who may create events: administrators, and members of a verified agency or intermediary. */
export function mayOrganize(user: AuthUser, org: { type: string; verified: boolean; status?: string } | null): boolean {
  if (user.role === 'admin') return true;
  return !!org && organizerTypes.includes(org.type) && org.verified && org.status !== 'suspended';
}

/** The organiser: members of the organising organisation; administrators for an event an administrator created. */
export function isOrganizer(user: AuthUser | null | undefined, event: EventLike): boolean {
  if (!user) return false;
  if (event.organizerOrgId) return user.organizationId === String(event.organizerOrgId);
  return user.role === 'admin';
}

/** Who sees everything of an event (all meetings, the whole schedule, statistics): its organiser and administrators. */
export const seesAll = (user: AuthUser | null | undefined, event: EventLike) =>
  isOrganizer(user, event) || user?.role === 'admin';

/** Published events are public; a draft is its organiser's (and administrators'). */
export const canReadEvent = (user: AuthUser | null | undefined, event: EventLike) =>
  event.status === 'published' || seesAll(user, event);

export const registrationOpen = (event: EventLike, now = new Date()) =>
  event.status === 'published' && now < new Date(event.registrationClosesAt) && now < new Date(event.endsAt);

/** Meetings are requested and answered until the event ends. */
export const meetingsOpen = (event: EventLike, now = new Date()) =>
  event.status === 'published' && now < new Date(event.endsAt);

export const meetingSides = (m: MeetingLike) => [String(m.requesterOrgId), String(m.recipientOrgId)];

export const isMeetingSide = (user: AuthUser | null | undefined, m: MeetingLike) =>
  !!user?.organizationId && meetingSides(m).includes(user.organizationId);

/** What a viewer may do with a meeting. */
export function meetingPolicies(user: AuthUser | null | undefined, event: EventLike, m: MeetingLike) {
  const recipient = !!user?.organizationId && user.organizationId === String(m.recipientOrgId);
  const answerable = m.status === 'requested' && recipient && meetingsOpen(event);
  return {
    accept: answerable,
    decline: answerable,
    markAttendance: isOrganizer(user, event) && m.status === 'accepted',
    startDeal: isMeetingSide(user, m) && m.status === 'accepted' && m.attendance === 'held',
  };
}
