import type { DealStage } from './schemas/deals';

/**
 * The deal's stage machine: who may take a deal from one stage to another.
 * Three roles take part: the owner of the listing the deal was opened on,
 * the organisation that opened it (the initiator), and an intermediary.
 *
 * - `move`: the change applies at once when one of these roles asks.
 * - `propose`: the change is recorded as a proposal and applies only once
 *   the other party confirms (both parties, when the intermediary proposed).
 *
 * The server enforces this table (modules/deals/stageRules.ts); the client
 * shows only the actions it allows. Closing (`won`, `lost` after the first
 * contact) and reopening always need both parties; an intermediary may
 * propose, never close; nobody skips ahead to a closed stage.
 */
export type DealParty = 'owner' | 'initiator' | 'intermediary';
export const dealParties: readonly DealParty[] = ['owner', 'initiator', 'intermediary'];

export interface StageRule {
  move: readonly DealParty[];
  propose: readonly DealParty[];
}

const parties = ['owner', 'initiator'] as const;
const everyone = ['owner', 'initiator', 'intermediary'] as const;
const none = [] as const;

/** from → to → who moves, who proposes. A pair not listed is not a transition. */
export const stageTransitions: Readonly<Record<DealStage, Partial<Record<DealStage, StageRule>>>> = {
  interest: {
    contacted: { move: everyone, propose: none },
    // Declining an introduction before any exchange is either party's right.
    lost: { move: parties, propose: none },
  },
  contacted: {
    interest: { move: parties, propose: none },
    nda: { move: everyone, propose: none },
    // The NDA step is optional (a deal without an offer, or details that need none).
    negotiation: { move: everyone, propose: none },
    lost: { move: none, propose: everyone },
  },
  nda: {
    contacted: { move: parties, propose: none },
    negotiation: { move: everyone, propose: none },
    lost: { move: none, propose: everyone },
  },
  negotiation: {
    nda: { move: parties, propose: none },
    agreement: { move: parties, propose: ['intermediary'] },
    lost: { move: none, propose: everyone },
  },
  agreement: {
    negotiation: { move: parties, propose: none },
    won: { move: none, propose: everyone },
    lost: { move: none, propose: everyone },
  },
  // Reopening goes back to the stage the deal was closed from; only the parties, and both of them.
  won: { agreement: { move: none, propose: parties } },
  lost: {
    interest: { move: none, propose: parties },
    contacted: { move: none, propose: parties },
    nda: { move: none, propose: parties },
    negotiation: { move: none, propose: parties },
    agreement: { move: none, propose: parties },
  },
};

export const isClosedStage = (stage: string) => stage === 'won' || stage === 'lost';

/** The open stage a closed deal returns to when reopened: the last open stage in its history. */
export function reopenStage(history: readonly { stage: string }[]): DealStage {
  for (let i = history.length - 1; i >= 0; i--)
    if (!isClosedStage(history[i].stage)) return history[i].stage as DealStage;
  return 'interest';
}

export type StageAction = 'move' | 'propose';

/**
 * What `role` may do to take a deal from `from` to `to`: move it, propose it,
 * or nothing (null). A closed deal may only be proposed back to the stage it
 * was closed from (`history` tells which).
 */
export function stageAction(
  role: DealParty | null,
  from: DealStage,
  to: DealStage,
  history: readonly { stage: string }[] = [],
): StageAction | null {
  if (!role || from === to) return null;
  if (isClosedStage(from) && to !== reopenStage(history)) return null;
  const rule = stageTransitions[from]?.[to];
  if (!rule) return null;
  if (rule.move.includes(role)) return 'move';
  if (rule.propose.includes(role)) return 'propose';
  return null;
}

/** Every stage `role` may move to or propose from `from`, in the table's order. */
export function allowedStageActions(
  role: DealParty | null,
  from: DealStage,
  history: readonly { stage: string }[] = [],
): { stage: DealStage; action: StageAction }[] {
  const out: { stage: DealStage; action: StageAction }[] = [];
  for (const to of Object.keys(stageTransitions[from] ?? {}) as DealStage[]) {
    const action = stageAction(role, from, to, history);
    if (action) out.push({ stage: to, action });
  }
  return out;
}

/** Who must confirm a proposal made by `proposer`: the other party, or both parties for an intermediary. */
export function confirmersOf(proposer: DealParty): DealParty[] {
  return proposer === 'intermediary' ? ['owner', 'initiator'] : [proposer === 'owner' ? 'initiator' : 'owner'];
}
