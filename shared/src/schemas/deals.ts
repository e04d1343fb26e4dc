import { z } from 'zod';
import { transferModeCodes } from '../taxonomies';
import { objectIdSchema } from './common';

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

export const outcomeSchema = z.strictObject(
  {
    contractType: z.enum(transferModeCodes as [string, ...string[]], 'transfer_mode'),
    valueVnd: z.number('number').int('number').min(0, 'positive').max(1e15, 'too_long'),
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
  outcome: { contractType: string; valueVnd: number; date: string; note?: string } | null;
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
  };
  /** The offer's confidential details: only for its owner, or once access is granted to the viewer's organisation. */
  confidential: { details?: string } | null;
  policies: { changeStage: boolean; invite: boolean; chat: boolean };
  createdAt: string;
  updatedAt: string;
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
