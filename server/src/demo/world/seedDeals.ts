import { NDA } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { changeStage, confirmStage } from '../../modules/deals/commands/changeStage';
import { inviteIntermediary } from '../../modules/deals/commands/inviteIntermediary';
import { ndaStep } from '../../modules/deals/commands/ndaStep';
import { openDeal } from '../../modules/deals/commands/openDeal';
import { sendMessage } from '../../modules/deals/commands/sendMessage';
import type { Deal } from '../../modules/deals/model';
import { dealStore } from '../../modules/deals/store';
import type { AuthUser } from '../../platform/principal';
import { daysAgo, type WorldDeal, worldDeals, worldOrganizations } from '.';
import { recordWorldProgress } from './marker';
import { isRunStopped, type WorldIds } from './people';

/** A deal's progress once it is complete (its steps and its dates). */
const DEAL_DONE = -1;

type Step =
  | { kind: 'invite'; daysAgo: number; by: string; org: string }
  | { kind: 'nda'; daysAgo: number; by: string; action: WorldDeal['nda']['steps'][number]['action'] }
  | { kind: 'stage'; daysAgo: number; by: string; entry: WorldDeal['history'][number] }
  | { kind: 'message'; daysAgo: number; by: string; body: string; n: number };

/** Same-day steps in the order they happen: the invitation, NDA steps, stage changes, then the chat about them. */
const order = { invite: 0, nda: 1, stage: 2, message: 3 };

/** A deal's steps after its opening, oldest first. */
function stepsOf(w: WorldDeal): Step[] {
  const steps: Step[] = [
    ...(w.intermediary
      ? [
          {
            kind: 'invite' as const,
            daysAgo: w.intermediary.daysAgo,
            by: w.intermediary.invitedBy,
            org: w.intermediary.org,
          },
        ]
      : []),
    ...w.nda.steps.map((s) => ({ kind: 'nda' as const, daysAgo: s.daysAgo, by: s.by, action: s.action })),
    ...w.history.slice(1).map((entry) => ({ kind: 'stage' as const, daysAgo: entry.daysAgo, by: entry.by, entry })),
    ...w.messages.map((m, n) => ({ kind: 'message' as const, daysAgo: m.daysAgo, by: m.from, body: m.body, n })),
  ];
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.daysAgo - a.s.daysAgo || order[a.s.kind] - order[b.s.kind] || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * The deals, each opened and moved by its people through the deal commands:
 * the stage machine (a closing proposed by one party and confirmed by the
 * other), NDA steps, the intermediary's invitation and the chat; then its
 * dates moved into the past. A deal the commands refuse is logged and left.
 * Each step done is recorded in the world's marker: a run resumed after an
 * interruption skips complete deals and goes on from the step it reached.
 */
export async function seedWorldDeals(ctx: AppContext, ids: WorldIds): Promise<number> {
  let seeded = 0;
  // One deal at a time: on the embedded FerretDB (SQLite, one writer) seeding deals at once was slower, not faster.
  const queue = [...worldDeals];
  const worker = async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      if (ids.progress.deals?.[w.key] === DEAL_DONE) {
        seeded += 1;
        continue;
      }
      try {
        await seedDeal(ctx, ids, w);
        seeded += 1;
      } catch (err) {
        if (isRunStopped(err)) throw err;
        ctx.log.warn({ err }, `demo world: deal ${w.key} not seeded`);
      }
      ids.checkpoint('deals');
    }
  };
  await Promise.all(Array.from({ length: DEAL_WIDTH }, worker));
  return seeded;
}

/** How many deals are seeded at once. */
const DEAL_WIDTH = 1;

async function seedDeal(ctx: AppContext, ids: WorldIds, w: WorldDeal): Promise<void> {
  const store = dealStore(ctx.db);
  const listing = ids.listings.get(w.listing.key);
  if (!listing) throw new Error(`no listing ${w.listing.key}`);
  const opener = await ids.person(w.history[0].by);
  let { deal } = await openDeal(ctx, opener, { [`${w.listing.type}Id`]: listing.id });
  // A deal from a match pairs the listing with the initiator's own listing of the other type.
  const offer = w.offer ? ids.listings.get(w.offer) : undefined;
  const demand = w.demand ? ids.listings.get(w.demand) : undefined;
  if ((offer && String(deal.offerId) !== offer.id) || (demand && String(deal.demandId) !== demand.id)) {
    await store.setPair(deal._id, { offerId: deal.offerId ?? offer?.id, demandId: deal.demandId ?? demand?.id });
    deal = (await store.findById(deal._id)) as Deal;
  }
  // Steps an interrupted run finished; the next one may have been done too, without being recorded.
  const started = ids.progress.deals?.[w.key];
  const done = started ?? 0;
  if (started === undefined) await recordWorldProgress(ctx.db, `deals.${w.key}`, 0);
  const messages: { id: unknown; at: Date }[] = [];
  const steps = stepsOf(w);
  for (const [i, step] of steps.entries()) {
    const by = await ids.person(step.by);
    if (step.kind === 'message') {
      // Idempotent on (sender, client id): sent again, the message stored already comes back.
      const { message } = await sendMessage(ctx, by, deal, step.body, `demo-world-${w.key}-${step.n}`);
      messages.push({ id: message._id, at: daysAgo(step.daysAgo, ids.now) });
    } else if (i >= done) {
      try {
        if (step.kind === 'invite') deal = await inviteIntermediary(ctx, by, deal, ids.orgs.get(step.org) ?? '');
        else if (step.kind === 'nda') deal = await ndaStep(ctx, by, deal, step.action, { version: NDA.version });
        else if (deal.stage !== step.entry.stage) deal = await moveStage(ctx, ids, deal, by, w, step.entry);
      } catch (err) {
        // The step an interrupted run was taking: refused now because it was done then.
        if (started === undefined || i !== done) throw err;
        deal = (await store.findById(deal._id)) as Deal;
      }
    }
    await recordWorldProgress(ctx.db, `deals.${w.key}`, i + 1);
    ids.checkpoint('deal-step');
  }
  await backdate(ctx, ids, w, deal._id, messages);
  await recordWorldProgress(ctx.db, `deals.${w.key}`, DEAL_DONE);
}

/** A stage change: applied at once, or proposed and confirmed by a member of each party it awaits. */
async function moveStage(
  ctx: AppContext,
  ids: WorldIds,
  deal: Deal,
  by: AuthUser,
  w: WorldDeal,
  entry: WorldDeal['history'][number],
): Promise<Deal> {
  const outcome =
    entry.stage === 'won' && w.outcome
      ? {
          contractType: w.outcome.contractType,
          valueVnd: w.outcome.valueVnd,
          date: daysAgo(w.outcome.daysAgo, ids.now).toISOString().slice(0, 10),
          note: w.outcome.note,
        }
      : undefined;
  // Proposed already by an interrupted run: only the confirmations are left.
  let current =
    deal.pending?.stage === entry.stage
      ? deal
      : await changeStage(ctx, by, deal, { stage: entry.stage, note: entry.note, outcome });
  const orgOf = {
    owner: current.ownerOrgId,
    initiator: current.initiatorOrgId,
    intermediary: current.intermediaryOrgId,
  };
  while (current.pending) {
    const role = current.pending.awaiting[0] as keyof typeof orgOf;
    const confirmer = await memberOf(ids, String(orgOf[role]), by.id);
    current = await confirmStage(ctx, confirmer, current, { stage: entry.stage });
  }
  return current;
}

/** A member of an organisation (its owner, unless the owner is `not`). */
async function memberOf(ids: WorldIds, orgId: string, not: string): Promise<AuthUser> {
  const key = [...ids.orgs].find(([, id]) => id === orgId)?.[0];
  const org = worldOrganizations.find((o) => o.key === key);
  for (const m of org?.members ?? []) {
    const user = await ids.person(m.email);
    if (user.id !== not) return user;
  }
  throw new Error(`no member of ${orgId} to confirm`);
}

/** The deal's dates as in the data: opening, each stage of its history, NDA steps, outcome, messages. */
async function backdate(
  ctx: AppContext,
  ids: WorldIds,
  w: WorldDeal,
  dealId: unknown,
  messages: { id: unknown; at: Date }[],
): Promise<void> {
  const store = dealStore(ctx.db);
  const deal = (await store.findById(dealId)) as Deal;
  const at = (days: number) => daysAgo(days, ids.now);
  // Each stored history entry takes the date of the next data entry of its stage.
  let next = 0;
  const history = deal.history.map((h) => {
    const found = w.history.findIndex((e, i) => i >= next && e.stage === h.stage);
    if (found < 0) return h;
    next = found + 1;
    return { ...h, at: at(w.history[found].daysAgo) };
  });
  const set: Record<string, unknown> = { history, createdAt: at(w.openedDaysAgo) };
  const ndaDay = (actions: string[]) => w.nda.steps.filter((s) => actions.includes(s.action)).at(-1)?.daysAgo;
  if (deal.nda?.status) {
    const last = w.nda.steps.at(-1)?.daysAgo;
    const accepted = ndaDay(['accept']);
    const granted = ndaDay(['approve', 'grant']);
    if (last !== undefined) set['nda.at'] = at(last);
    if (accepted !== undefined) set['nda.acceptedAt'] = at(accepted);
    if (granted !== undefined && deal.nda.grantedAt) set['nda.grantedAt'] = at(granted);
  }
  if (deal.outcome && w.outcome) set['outcome.confirmedAt'] = at(w.outcome.daysAgo);
  if (deal.closedAt) set.closedAt = at(w.history[w.history.length - 1].daysAgo);
  if (messages.length) set.lastMessageAt = messages[messages.length - 1].at;
  const latest = Math.min(w.openedDaysAgo, ...w.history.map((h) => h.daysAgo), ...w.messages.map((m) => m.daysAgo));
  set.updatedAt = at(latest);
  await store.backdate(deal._id, set);
  for (const m of messages) await store.backdateMessage(m.id, m.at);
}
