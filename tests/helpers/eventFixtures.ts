import { type EventCreateInput, eventCreateSchema } from '@techbridge/shared';
import request from 'supertest';
import { storeEvent } from '../../server/src/modules/events/commands/createEvent';
import { publishEvent } from '../../server/src/modules/events/commands/publishEvent';
import { organizationStore } from '../../server/src/modules/organizations/store';
import type { TestApp } from './app';
import type { Member } from './factories';

/**
 * Events for the route-table tests (issue 17). A route naming an event is
 * called by whoever plays the route's part: the organiser for the organiser's
 * routes, a registered organisation for the participants' routes. So each
 * kit organises an event (of any organisation type: stored directly, as the
 * API lets only agencies and intermediaries create one) and takes part in
 * one that a host agency organises, with a meeting it was asked for and a
 * meeting it held.
 */
export interface KitEvents {
  /** Published, organised by the kit; the counterparty and the broker registered, their meeting scheduled. */
  organizedId: string;
  organizedMeetingId: string;
  /** A draft organised by the kit (its title carries the kit's private canary). */
  draftId: string;
  /** Published, organised by the host; the kit, the counterparty and the broker registered. */
  participatingId: string;
  /** The broker asked the kit for a meeting (requested). */
  requestedMeetingId: string;
  /** The counterparty and the kit met (accepted, scheduled, held). */
  heldMeetingId: string;
}

const DAY = 86_400_000;
/** A date `days` from now at a given hour in Ha Noi (UTC+7). */
export function vnTime(days: number, hour: number, minute = 0): string {
  const d = new Date(Date.now() + days * DAY + 7 * 3_600_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
}

/** A valid event body: a brokerage day a month from now. */
export const eventInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Ngày kết nối công nghệ thử nghiệm',
  description: 'Gặp gỡ 1-1 giữa bên cung và bên cầu.',
  kind: 'brokerage',
  startsAt: vnTime(30, 8),
  endsAt: vnTime(30, 17),
  timezone: 'Asia/Ho_Chi_Minh',
  location: { venue: 'Trung tâm Hội nghị tỉnh Thái Nguyên', province: 'TNG' },
  sectors: ['aquaculture'],
  slotMinutes: 20,
  tables: 10,
  registrationClosesAt: vnTime(29, 17),
  breaks: [{ start: vnTime(30, 12), end: vnTime(30, 13, 30) }],
  ...overrides,
});

async function ok<T>(pending: PromiseLike<{ status: number; body: unknown }>, what: string): Promise<T> {
  const res = await pending;
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** An event organised by a member's organisation, whatever its type (stored through the command, past the API's type check). */
export async function organizeEvent(
  t: TestApp,
  organizer: Member,
  options: { publish?: boolean; title?: string } = {},
): Promise<string> {
  const org = await organizationStore(t.ctx.db).findById(organizer.organization.id);
  const input: EventCreateInput = eventCreateSchema.parse(eventInput(options.title ? { title: options.title } : {}));
  const event = await storeEvent(t.ctx, { org, userId: organizer.user.id }, input);
  if (options.publish !== false) await publishEvent(t.ctx, event);
  return String(event._id);
}

/** Registers a member's organisation for an event through the API. */
export async function register(t: TestApp, member: Member, eventId: string, listingIds: string[] = []) {
  await ok(
    request(t.app.server).post(`/api/events/${eventId}/participants`).set(member.auth).send({ listingIds }),
    'register for an event',
  );
}

/** `from` asks `to` for a meeting; `to` accepts when told. Resolves with the meeting's id. */
export async function meet(t: TestApp, eventId: string, from: Member, to: Member, accept: boolean): Promise<string> {
  const asked = await ok<{ data: { id: string } }>(
    request(t.app.server)
      .post(`/api/events/${eventId}/meetings`)
      .set(from.auth)
      .send({ withOrganizationId: to.organization.id }),
    'ask for a meeting',
  );
  if (accept)
    await ok(
      request(t.app.server).post(`/api/events/${eventId}/meetings/${asked.data.id}/accept`).set(to.auth),
      'accept a meeting',
    );
  return asked.data.id;
}

/** The host's event every kit takes part in, with the counterparty and the broker. */
export async function hostEvent(
  t: TestApp,
  parts: { host: Member; counterparty: Member; counterpartyOfferId: string; broker: Member },
): Promise<string> {
  const id = await organizeEvent(t, parts.host, { title: 'Chợ công nghệ của đơn vị tổ chức' });
  await register(t, parts.counterparty, id, [parts.counterpartyOfferId]);
  await register(t, parts.broker, id);
  return id;
}

/** A kit's events (see KitEvents). `participatingId` is the host's event, shared by every kit. */
export async function buildKitEvents(
  t: TestApp,
  kit: { owner: Member; offerId: string; privateCanary: string },
  shared: { host: Member; counterparty: Member; counterpartyOfferId: string; broker: Member; participatingId: string },
): Promise<KitEvents> {
  const organizedId = await organizeEvent(t, kit.owner);
  await register(t, shared.counterparty, organizedId, [shared.counterpartyOfferId]);
  await register(t, shared.broker, organizedId);
  const organizedMeetingId = await meet(t, organizedId, shared.broker, shared.counterparty, true);
  await ok(
    request(t.app.server).post(`/api/events/${organizedId}/schedule`).set(kit.owner.auth),
    'schedule the kit event',
  );
  const draftId = await organizeEvent(t, kit.owner, { publish: false, title: `Bản nháp ${kit.privateCanary}` });

  const participatingId = shared.participatingId;
  await register(t, kit.owner, participatingId, [kit.offerId]);
  const requestedMeetingId = await meet(t, participatingId, shared.broker, kit.owner, false);
  const heldMeetingId = await meet(t, participatingId, shared.counterparty, kit.owner, true);
  await ok(
    request(t.app.server)
      .post(`/api/events/${participatingId}/meetings/${heldMeetingId}/attendance`)
      .set(shared.host.auth)
      .send({ attendance: 'held' }),
    'record a held meeting',
  );
  return { organizedId, organizedMeetingId, draftId, participatingId, requestedMeetingId, heldMeetingId };
}

/** A published event of the host the kit is registered for (so that withdrawing from it changes nothing else). */
export async function eventToWithdrawFrom(t: TestApp, host: Member, owner: Member): Promise<string> {
  const id = await organizeEvent(t, host, { title: 'Sự kiện để rút đăng ký' });
  await register(t, owner, id);
  return id;
}

/** Path parameters of a route naming an event, for a kit (see resolveParams in world.ts). */
export async function eventParams(
  path: string,
  method: string,
  events: KitEvents,
  scenario: 'public' | 'private',
  fresh: { draft: () => Promise<string>; withdrawable: () => Promise<string> },
): Promise<Record<string, string>> {
  const rest = path.slice('/events/{id}'.length);
  if (rest === '/publish') return { id: await fresh.draft() };
  if (rest === '/participants' && method === 'delete') return { id: await fresh.withdrawable() };
  if (rest === '' || (rest === '/participants' && method === 'get'))
    return { id: scenario === 'private' ? events.draftId : events.organizedId };
  if (rest.endsWith('/attendance')) return { id: events.organizedId, meetingId: events.organizedMeetingId };
  if (rest.endsWith('/accept') || rest.endsWith('/decline'))
    return { id: events.participatingId, meetingId: events.requestedMeetingId };
  if (rest.endsWith('/deal')) return { id: events.participatingId, meetingId: events.heldMeetingId };
  // The organiser's routes.
  if (['/stats', '/schedule/export'].includes(rest) || (rest === '/schedule' && method === 'post'))
    return { id: events.organizedId };
  // The participants' routes: suggestions, meetings, the agenda, registration.
  return { id: events.participatingId };
}
