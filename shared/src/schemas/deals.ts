import { transferModeCodes } from '../taxonomies';
import { objectIdSchema } from './common';
import { z } from './zod';

export const dealStages = ['interest', 'contacted', 'nda', 'negotiation', 'agreement', 'won', 'lost'] as const;
export type DealStage = (typeof dealStages)[number];
export const closedStages: DealStage[] = ['won', 'lost'];

export const dealCreateSchema = z
  .strictObject({
    offerId: objectIdSchema.optional(),
    demandId: objectIdSchema.optional(),
    matchId: objectIdSchema.optional(),
    message: z.string('invalid_type').trim().min(1, 'required').max(4000, 'too_long').optional(),
  })
  .refine((v) => [v.offerId, v.demandId, v.matchId].filter(Boolean).length === 1, {
    message: 'required',
    path: ['offerId'],
  });

/** The largest contract value accepted, in VND (10,000 billion: above any recorded Vietnamese transfer). */
export const MAX_CONTRACT_VND = 10_000_000_000_000;

export const outcomeSchema = z.strictObject(
  {
    contractType: z.enum(transferModeCodes as [string, ...string[]], 'transfer_mode'),
    valueVnd: z.number('number').int('number').min(0, 'positive').max(MAX_CONTRACT_VND, 'too_large'),
    date: z.iso.date('date'),
    note: z.string('invalid_type').trim().max(2000, 'too_long').optional(),
  },
  'required',
);

export const stageChangeSchema = z
  .strictObject({
    stage: z.enum(dealStages, 'invalid_type'),
    note: z.string('invalid_type').trim().max(2000, 'too_long').optional(),
    outcome: outcomeSchema.optional(),
  })
  .refine((v) => v.stage !== 'won' || v.outcome !== undefined, { message: 'required', path: ['outcome'] });
export type StageChange = z.infer<typeof stageChangeSchema>;

/** Confirming or declining the other side's proposed stage change (or withdrawing one's own). */
export const stageDecisionSchema = z.strictObject({
  /** The proposed stage the caller saw: a newer proposal is not answered by mistake. */
  stage: z.enum(dealStages, 'invalid_type').optional(),
  note: z.string('invalid_type').trim().max(2000, 'too_long').optional(),
});

/** The introduction a party writes when it first contacts the other ("Liên hệ"): the UI always asks for one. */
export const introductionSchema = z.string('required').trim().min(20, 'too_short').max(4000, 'too_long');

export const messageBodySchema = z.string('required').trim().min(1, 'required').max(4000, 'too_long');
export const messageSendSchema = z.strictObject({
  dealId: objectIdSchema,
  body: messageBodySchema,
  clientId: z.string('required').trim().min(8, 'too_short').max(64, 'too_long'),
});
export const dealRefSchema = z.strictObject({ dealId: objectIdSchema });
export const typingSchema = z.strictObject({ dealId: objectIdSchema, typing: z.boolean('invalid_type') });
export const readReceiptSchema = z.strictObject({
  dealId: objectIdSchema,
  seq: z.number('number').int('number').min(0, 'number'),
});
export const messageListQuerySchema = z.strictObject({
  before: z.coerce.number('number').int('number').min(1, 'number').optional(),
  after: z.coerce.number('number').int('number').min(0, 'number').optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(200, 'too_long').default(50),
});
export const intermediarySchema = z.strictObject({ organizationId: objectIdSchema });
export const ndaAcceptSchema = z.strictObject({ version: z.string('required').min(1, 'required').max(20, 'too_long') });
export const dealListQuerySchema = z.strictObject({
  role: z.enum(['party', 'intermediary'], 'invalid_type').optional(),
});

export type DealJournalKind = 'stage' | 'proposal' | 'decision' | 'intermediary' | 'nda' | 'introduction';

interface OrgRef {
  id: string;
  name: string;
  type: string;
}

export interface DealDto {
  id: string;
  stage: DealStage;
  listing: { type: 'offer' | 'demand'; id: string; title: string };
  offer: { id: string; title: string } | null;
  demand: { id: string; title: string } | null;
  matchId: string | null;
  owner: OrgRef;
  initiator: OrgRef;
  intermediary: OrgRef | null;
  history: { stage: DealStage; at: string; by: { id: string; name: string }; note?: string }[];
  /** The outcome of a won deal, once both parties confirmed it. */
  outcome: { contractType: string; valueVnd: number; date: string; note?: string; confirmedAt: string | null } | null;
  /** A stage change proposed by one side, waiting for the other's confirmation. */
  pending: {
    stage: DealStage;
    note?: string;
    outcome: { contractType: string; valueVnd: number; date: string; note?: string } | null;
    by: { id: string; name: string; role: 'owner' | 'initiator' | 'intermediary' };
    at: string;
    /** Roles still to confirm. */
    awaiting: ('owner' | 'initiator')[];
  } | null;
  /** A broker's introduction: both parties accept it before the deal goes on. */
  introduction: { by: OrgRef; note: string; accepted: ('owner' | 'initiator')[]; complete: boolean } | null;
  /** The viewer's part in the deal (null: an administrator reading it). */
  role: 'owner' | 'initiator' | 'intermediary' | null;
  lastMessageAt: string | null;
  lastSeq: number;
  unread: number;
  nda: {
    required: boolean;
    version: string;
    status: 'none' | 'accepted' | 'granted' | 'revoked';
    canAccept: boolean;
    canApprove: boolean;
    canGrant: boolean;
    canRevoke: boolean;
    acceptedAt: string | null;
    grantedAt: string | null;
    /** The signed NDA record can be downloaded as a PDF (accepted, approved or granted). */
    document: string | null;
  };
  /** The offer's confidential details: only for its owner, or once access is granted to the viewer's organisation. */
  confidential: { details?: string } | null;
  policies: {
    changeStage: boolean;
    invite: boolean;
    chat: boolean;
    /** The stages the viewer may move the deal to, or propose (see shared/dealStages.ts). */
    stages: { stage: DealStage; action: 'move' | 'propose' }[];
    /** The viewer may confirm or decline the pending proposal. */
    confirm: boolean;
    /** The viewer made the pending proposal and may withdraw it. */
    withdraw: boolean;
    /** The viewer may accept (or decline) the broker's introduction. */
    acceptIntroduction: boolean;
  };
  /** A structured proposal answering a demand (deals opened by a proposal). */
  proposal: ProposalDto | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalDto {
  approach: string;
  priceMinVnd: number | null;
  priceMaxVnd: number | null;
  timelineMonths: number;
  trl: number;
  trlEvidence: string;
  attachments: { name: string; type: string; size: number; url: string }[];
  status: 'submitted' | 'shortlisted' | 'declined';
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export interface MessageDto {
  id: string;
  dealId: string;
  seq: number;
  body: string;
  sender: { id: string; name: string };
  organization: { id: string; name: string };
  clientId: string;
  attachment: { name: string; type: string; size: number; url: string } | null;
  createdAt: string;
}

export interface AuditEntryDto {
  id: string;
  action: string;
  actor: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
  at: string;
  ip: string | null;
  version: string | null;
  details: Record<string, unknown>;
}
