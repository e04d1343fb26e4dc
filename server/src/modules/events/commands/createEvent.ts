import type { EventCreateInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { Organization } from '../../organizations/model';
import { organizationStore } from '../../organizations/store';
import type { Event } from '../model';
import { mayOrganize } from '../policy';
import { ADMIN_ORGANIZER, eventStore } from '../store';

/** Creates an event as a draft, organised by the caller's organisation (or by the administrators). */
export async function createEvent(
  ctx: AppContext,
  user: AuthUser,
  input: EventCreateInput,
  /** `id`: a chosen `_id` (the demo world's), making a repeated call return the event stored already. */
  options: { id?: string } = {},
): Promise<Event> {
  const org = user.organizationId ? await organizationStore(ctx.db).findById(user.organizationId) : null;
  if (!mayOrganize(user, org)) throw forbidden('Only agencies, intermediaries and administrators organise events');
  return storeEvent(ctx, { org, userId: user.id }, input, options.id);
}

/**
 * Stores a draft event for an organiser (an organisation, or null for the
 * administrators); the caller has checked that it may organise.
 */
export async function storeEvent(
  ctx: AppContext,
  organizer: { org: Organization | null; userId: string },
  input: EventCreateInput,
  id?: string,
): Promise<Event> {
  const location =
    input.location === undefined
      ? null
      : typeof input.location === 'string'
        ? { venue: input.location }
        : input.location;
  const online = input.online !== undefined && input.online !== false;
  const { org } = organizer;
  return eventStore(ctx.db).create(
    {
      ...(id ? { _id: id } : {}),
      title: input.title,
      description: input.description,
      kind: input.kind,
      status: 'draft',
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      timezone: input.timezone,
      location,
      online,
      onlineUrl: typeof input.online === 'object' ? input.online.url : null,
      province: input.province ?? location?.province ?? org?.province ?? null,
      sectors: input.sectors,
      slotMinutes: input.slotMinutes,
      tables: input.tables,
      registrationClosesAt: new Date(input.registrationClosesAt),
      breaks: input.breaks.map((b) => ({ start: new Date(b.start), end: new Date(b.end) })),
      organizerOrgId: org?._id ?? null,
      organizerName: org?.name ?? 'TechBridge',
      createdBy: organizer.userId,
    },
    org ? String(org._id) : ADMIN_ORGANIZER,
  );
}
