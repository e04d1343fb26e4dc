import { eventCreateSchema, type StageChange } from '@techbridge/shared';
import type { AppContext } from '../context';
import { registerAccount } from '../modules/accounts/commands/registerAccount';
import { accountStore } from '../modules/accounts/store';
import { changeStage, confirmStage } from '../modules/deals/commands/changeStage';
import { answerMeeting } from '../modules/events/commands/answerMeeting';
import { createEvent } from '../modules/events/commands/createEvent';
import { markAttendance } from '../modules/events/commands/markAttendance';
import { publishEvent } from '../modules/events/commands/publishEvent';
import { registerParticipant } from '../modules/events/commands/registerParticipant';
import { requestMeeting } from '../modules/events/commands/requestMeeting';
import { runSchedule } from '../modules/events/commands/runSchedule';
import { startDeal } from '../modules/events/commands/startDeal';
import { ADMIN_ORGANIZER, eventStore } from '../modules/events/store';
import { listingsOf } from '../modules/listings/view';
import type { AuthUser } from '../platform/principal';
import data from './events.json';
import { demoDemands, demoOffers } from './listings';
import { DEMO_PASSWORD } from './seed';

/** A day from the day of seeding and a time of day in Ha Noi: `[-45, "08:00"]`. */
type When = [number, string?];

interface DemoMeeting {
  from: string;
  to: string;
  message?: string;
  listings?: string[];
  answer?: 'accepted' | 'declined';
  attendance?: 'held' | 'no_show';
  deal?: {
    by: string;
    stages: {
      stage: StageChange['stage'];
      by: string;
      outcome?: Record<string, unknown> & { date: When };
      /** A closing is proposed by one party and applies once the other confirms. */
      confirmBy?: string;
    }[];
  };
}

interface DemoEvent {
  organizer: string;
  asOf: When;
  input: Record<string, unknown> & { title: string };
  dates: { start: When; end: When; registrationCloses: When; breaks: [When, When][] };
  participants: { email: string; listings: string[]; availability?: [When, When][] }[];
  meetings: DemoMeeting[];
  schedule: boolean;
}

const HANOI = '+07:00';

/** The instant of a demo date, relative to `today` (the seeding day, in Ha Noi). */
function at(today: string, [days, time = '09:00']: When): Date {
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${day}T${time}:00${HANOI}`);
}

/**
 * Seeds the demo events once, through the events commands (and deals' own
 * for the deals the past Techmart started): a past Techmart in Cần Thơ with
 * held meetings and their deals, and an upcoming brokerage day in Thái
 * Nguyên organised by the Sở KH&CN Thái Nguyên (a demo account of its own).
 * An event whose organiser already has one of that title is left as it is,
 * so the seed is idempotent. Dates are relative to the day of seeding.
 */
export async function seedDemoEvents(ctx: AppContext, now = new Date()): Promise<number> {
  const accounts = accountStore(ctx.db);
  for (const o of data.organizers) {
    if (await accounts.findUserByEmail(o.email)) continue;
    await registerAccount(
      ctx.db,
      { email: o.email, password: DEMO_PASSWORD, name: o.name, organization: o.organization },
      {
        verified: true,
      },
    );
  }
  const people = new Map<string, AuthUser | null>();
  const person = async (email: string) => {
    if (!people.has(email)) {
      const u = await accounts.findUserByEmail(email);
      people.set(
        email,
        u && {
          id: String(u._id),
          email: u.email,
          name: u.name,
          role: u.role as AuthUser['role'],
          organizationId: u.organizationId ? String(u.organizationId) : null,
          orgRole: (u.orgRole ?? null) as AuthUser['orgRole'],
        },
      );
    }
    return people.get(email) ?? null;
  };
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  let created = 0;
  for (const demo of data.events as unknown as DemoEvent[]) {
    const organizer = await person(demo.organizer);
    if (!organizer) continue;
    const store = eventStore(ctx.db);
    const mine = await store.findEachById(await store.organizedIds(organizer.organizationId ?? ADMIN_ORGANIZER));
    if (mine.some((e) => e.title === demo.input.title)) continue;
    await seedEvent(ctx, demo, organizer, person, (when) => at(today, when));
    created += 1;
  }
  if (created) ctx.log.info(`Seeded ${created} demo event(s)`);
  return created;
}

const listingKeys = new Map<string, { type: 'offer' | 'demand'; title: string }>([
  ...demoOffers.map((o) => [o.key, { type: 'offer' as const, title: o.input.title }] as const),
  ...demoDemands.map((d) => [d.key, { type: 'demand' as const, title: d.input.title }] as const),
]);

async function seedEvent(
  ctx: AppContext,
  demo: DemoEvent,
  organizer: AuthUser,
  person: (email: string) => Promise<AuthUser | null>,
  at: (when: When) => Date,
): Promise<void> {
  const input = eventCreateSchema.parse({
    ...demo.input,
    startsAt: at(demo.dates.start).toISOString(),
    endsAt: at(demo.dates.end).toISOString(),
    registrationClosesAt: at(demo.dates.registrationCloses).toISOString(),
    breaks: demo.dates.breaks.map(([start, end]) => ({ start: at(start).toISOString(), end: at(end).toISOString() })),
  });
  const event = await publishEvent(ctx, await createEvent(ctx, organizer, input));
  const asOf = { now: at(demo.asOf) };

  // Booths: the demo listings by key, among each organisation's published ones.
  const ids = new Map<string, string>();
  for (const p of demo.participants) {
    const user = await person(p.email);
    if (!user?.organizationId) continue;
    const listingIds: string[] = [];
    for (const key of p.listings) {
      const ref = listingKeys.get(key);
      if (!ref) continue;
      const found = (await listingsOf(ctx, ref.type, user.organizationId, 'published')).find(
        (l) => l.title === ref.title,
      );
      if (found) {
        listingIds.push(String(found._id));
        ids.set(key, String(found._id));
      }
    }
    const availability = p.availability?.map(([start, end]) => ({
      start: at(start).toISOString(),
      end: at(end).toISOString(),
    }));
    await registerParticipant(ctx, user, event, { listingIds, availability }, asOf);
  }

  const meetings = [];
  for (const m of demo.meetings) {
    const [from, to] = [await person(m.from), await person(m.to)];
    if (!from?.organizationId || !to?.organizationId) continue;
    const listingIds = m.listings?.map((k) => ids.get(k)).filter((id): id is string => !!id);
    let meeting = await requestMeeting(
      ctx,
      from,
      event,
      {
        withOrganizationId: to.organizationId,
        message: m.message,
        listingIds: listingIds?.length ? listingIds : undefined,
      },
      asOf,
    );
    if (m.answer) meeting = await answerMeeting(ctx, to, event, meeting, m.answer, asOf);
    meetings.push({ demo: m, meeting });
  }
  if (demo.schedule) await runSchedule(ctx, organizer, event._id);

  for (const { demo: m, meeting } of meetings) {
    if (!m.attendance) continue;
    const attended = await markAttendance(ctx, organizer, event, meeting, m.attendance);
    const starter = m.deal && (await person(m.deal.by));
    if (!m.deal || !starter) continue;
    let { deal } = await startDeal(ctx, starter, event, attended);
    for (const step of m.deal.stages) {
      const by = await person(step.by);
      if (!by) continue;
      const outcome = step.outcome
        ? ({ ...step.outcome, date: at(step.outcome.date).toISOString().slice(0, 10) } as StageChange['outcome'])
        : undefined;
      deal = await changeStage(ctx, by, deal, { stage: step.stage, outcome });
      const confirmer = step.confirmBy && (await person(step.confirmBy));
      if (confirmer) deal = await confirmStage(ctx, confirmer, deal, { stage: step.stage });
    }
  }
}
