import { objectIdSchema } from './common';
import { MAX_CONTRACT_VND } from './deals';
import { z } from './zod';

/** A broker's commission terms: a share of the contract value, a fixed fee, or both, with a note. */
export const commissionSchema = z.strictObject({
  percent: z.number('number').min(0, 'positive').max(30, 'too_large').optional(),
  fixedVnd: z.number('number').int('number').min(0, 'positive').max(MAX_CONTRACT_VND, 'too_large').optional(),
  note: z.string('invalid_type').trim().max(1000, 'too_long').optional(),
});

/** An intermediary asks a client organisation for a mandate (asking again updates its terms). */
export const mandateRequestSchema = z.strictObject({
  clientOrgId: objectIdSchema,
  message: z.string('invalid_type').trim().max(2000, 'too_long').optional(),
  commission: commissionSchema.optional(),
});

/** A broker introduces its client's listing to a counterpart: a deal on the offer, with the demand. */
export const introductionCreateSchema = z.strictObject({
  mandateId: objectIdSchema,
  offerId: objectIdSchema,
  demandId: objectIdSchema,
  note: z.string('required').trim().min(20, 'too_short').max(4000, 'too_long'),
});

export type MandateStatus = 'requested' | 'active' | 'declined' | 'ended';

interface OrgRef {
  id: string;
  name: string;
  type: string;
}

export interface MandateDto {
  id: string;
  broker: OrgRef;
  client: OrgRef;
  status: MandateStatus;
  message: string | null;
  commission: { percent: number | null; fixedVnd: number | null; note: string | null };
  requestedAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  /** What the viewer may do: the client accepts, declines or ends; the broker introduces while active. */
  policies: { accept: boolean; decline: boolean; end: boolean; introduce: boolean };
}

/** What a broker sees of its client: the client's listings and their matches. */
export interface MandatePortfolioDto {
  mandate: MandateDto;
  listings: {
    id: string;
    type: 'offer' | 'demand';
    title: string;
    status: string;
    matches: {
      id: string;
      score: number;
      counterpart: { id: string; type: 'offer' | 'demand'; title: string; organization: { id: string; name: string } };
    }[];
  }[];
}
