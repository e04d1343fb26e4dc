import {
  confirmersOf,
  type DealParty,
  type DealStage,
  isClosedStage,
  reopenStage,
  type StageChange,
  stageAction,
  stageTransitions,
} from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { Deal } from '../model';
import { introductionPending, roleOf } from '../stageRules';
import { dealStore } from '../store';
import { type DealWrite, openKeyOf, type RequestMeta, updateDeal } from './updateDeal';

type Outcome = NonNullable<StageChange['outcome']>;

/** The write that moves a deal to a stage, with its history entry (and the confirmed outcome, if any). */
export function stageUpdate(
  user: AuthUser,
  deal: Deal,
  change: { stage: DealStage; note?: string | null; outcome?: Outcome | null },
) {
  const now = new Date();
  const closing = isClosedStage(change.stage);
  const reopening = isClosedStage(deal.stage) && !closing;
  return {
    $set: {
      stage: change.stage,
      pending: null,
      ...(change.outcome
        ? { outcome: { ...change.outcome, date: new Date(change.outcome.date), confirmedAt: now } }
        : {}),
      ...(closing ? { closedAt: now, openKey: `closed:${deal._id}` } : {}),
      ...(reopening ? { closedAt: null, outcome: null, openKey: openKeyOf(deal) } : {}),
    },
    $push: {
      history: {
        stage: change.stage,
        at: now,
        byUserId: user.id,
        byName: user.name,
        ...(change.note ? { note: change.note } : {}),
      },
    },
  };
}

const outcomeDetails = (o: Outcome | null | undefined) =>
  o ? { contractType: o.contractType, valueVnd: o.valueVnd, date: o.date } : undefined;

/** Why `role` may not take the deal from its stage to `to`: a 403 for the role, a 409 for the state. */
function refusal(role: DealParty | null, current: Deal, to: DealStage) {
  if (!role) return forbidden('Only the parties to this deal can do this');
  const rule = stageTransitions[current.stage as DealStage]?.[to];
  if (rule && !isClosedStage(current.stage)) {
    return forbidden(
      role === 'intermediary' ? 'An intermediary may propose this change, not make it' : 'Not your step',
    );
  }
  if (isClosedStage(current.stage) && role === 'intermediary') return forbidden('Only the parties reopen a deal');
  if (isClosedStage(current.stage))
    return conflict('A closed deal can only be reopened where it was closed, by both parties');
  return conflict(`A deal cannot go from ${current.stage} to ${to}`);
}

/** Nothing moves while a broker's introduction waits for a party's acceptance. */
export function checkOpen(current: Deal) {
  if (introductionPending(current)) throw conflict('Both parties accept the introduction first');
}

/**
 * Asks to take a deal to a stage. Per the stage table (shared/dealStages.ts):
 * a move applies at once; a closing (won with its outcome, lost) or a
 * reopening is recorded as a proposal, applied when the other side confirms.
 */
export function changeStage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  change: StageChange,
  meta: RequestMeta = {},
): Promise<Deal> {
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current): DealWrite => {
      checkOpen(current);
      const role = roleOf(user, current);
      const action = stageAction(role, current.stage as DealStage, change.stage, current.history);
      if (!action || !role) throw refusal(role, current, change.stage);
      const from = current.stage;
      if (action === 'move') {
        return {
          update: stageUpdate(user, current, { stage: change.stage, note: change.note }),
          reason: 'stage',
          journal: {
            action: 'deal.stage',
            details: { from, to: change.stage, ...(change.note ? { note: change.note } : {}) },
          },
        };
      }
      if (current.pending) throw conflict('A proposed change is waiting for confirmation');
      const outcome = change.stage === 'won' ? (change.outcome ?? null) : null;
      return {
        update: {
          $set: {
            pending: {
              stage: change.stage,
              note: change.note ?? null,
              outcome: outcome ? { ...outcome, date: new Date(outcome.date) } : null,
              byUserId: user.id,
              byName: user.name,
              byRole: role,
              at: new Date(),
              awaiting: confirmersOf(role),
            },
          },
        },
        reason: 'stage.proposed',
        journal: {
          action: 'deal.stage_proposed',
          details: { from, to: change.stage, outcome: outcomeDetails(outcome), note: change.note },
        },
      };
    },
    meta,
  );
}

/**
 * The other side confirms the pending proposal (`stage` names the one it
 * saw, so a newer proposal is not confirmed by mistake). Once every awaited
 * party confirmed, the change applies: a `won` with its outcome, now
 * counted in the statistics; a reopening takes the pair's open key back.
 */
export function confirmStage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  input: { stage?: DealStage; note?: string },
  meta: RequestMeta = {},
): Promise<Deal> {
  return updateDeal(
    ctx,
    user,
    deal._id,
    async (current): Promise<DealWrite> => {
      const pending = current.pending;
      if (!pending || (input.stage && pending.stage !== input.stage)) throw conflict('No such proposal is waiting');
      const role = roleOf(user, current);
      if (!role || !pending.awaiting.includes(role))
        throw forbidden('This proposal is not waiting for your confirmation');
      const awaiting = pending.awaiting.filter((r) => r !== role);
      if (awaiting.length) {
        return {
          update: { $set: { 'pending.awaiting': awaiting } },
          reason: 'stage.confirmed',
          journal: { action: 'deal.stage_confirmed', details: { to: pending.stage, complete: false } },
        };
      }
      const stage = pending.stage as DealStage;
      if (isClosedStage(current.stage)) {
        if (stage !== reopenStage(current.history)) throw conflict('The deal changed meanwhile; reload and try again');
        if (!(await dealStore(ctx.db).claimOpenKey(openKeyOf(current), current._id)))
          throw conflict('These parties have opened another deal on this listing meanwhile');
      }
      const outcome = pending.outcome?.contractType
        ? {
            contractType: pending.outcome.contractType,
            valueVnd: pending.outcome.valueVnd ?? 0,
            date: new Date(pending.outcome.date as Date).toISOString().slice(0, 10),
            ...(pending.outcome.note ? { note: pending.outcome.note } : {}),
          }
        : null;
      const note = [pending.note, input.note].filter(Boolean).join(' — ') || null;
      return {
        update: stageUpdate(user, current, { stage, note, outcome }),
        reason: 'stage',
        journal: {
          action: 'deal.stage_confirmed',
          details: {
            from: current.stage,
            to: stage,
            complete: true,
            proposedBy: pending.byName,
            outcome: outcomeDetails(outcome),
          },
        },
      };
    },
    meta,
  );
}

/** The other side declines the pending proposal, or its proposer withdraws it. */
export function declineStage(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  input: { stage?: DealStage; note?: string },
  meta: RequestMeta = {},
): Promise<Deal> {
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current): DealWrite => {
      const pending = current.pending;
      if (!pending || (input.stage && pending.stage !== input.stage)) throw conflict('No such proposal is waiting');
      const role = roleOf(user, current);
      const withdrawing = role === pending.byRole;
      if (!role || (!withdrawing && !pending.awaiting.includes(role)))
        throw forbidden('This proposal is not waiting for your answer');
      return {
        update: { $set: { pending: null } },
        reason: withdrawing ? 'stage.withdrawn' : 'stage.declined',
        journal: {
          action: withdrawing ? 'deal.stage_withdrawn' : 'deal.stage_declined',
          details: { to: pending.stage, ...(input.note ? { note: input.note } : {}) },
        },
      };
    },
    meta,
  );
}
