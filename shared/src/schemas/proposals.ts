import { objectIdSchema } from './common';
import { MAX_CONTRACT_VND } from './deals';
import { z } from './zod';

const vnd = z.number('number').int('number').min(0, 'positive').max(MAX_CONTRACT_VND, 'too_large');

/**
 * Answering a demand: a structured proposal (how, at what price range, how
 * long, how mature, with what evidence). Opens the deal on the demand, or
 * updates the open one's proposal. `offerId` links one of the proposer's own
 * offers, so the deal names both sides' listings.
 */
export const proposalSchema = z
  .strictObject({
    demandId: objectIdSchema,
    offerId: objectIdSchema.optional(),
    approach: z.string('required').trim().min(20, 'too_short').max(4000, 'too_long'),
    priceMinVnd: vnd.optional(),
    priceMaxVnd: vnd.optional(),
    timelineMonths: z.number('number').int('number').min(1, 'number').max(120, 'too_large'),
    trl: z.number('number').int('number').min(1, 'number').max(9, 'number'),
    trlEvidence: z.string('required').trim().min(10, 'too_short').max(2000, 'too_long'),
    message: z.string('invalid_type').trim().min(1, 'required').max(4000, 'too_long').optional(),
  })
  .refine((v) => v.priceMinVnd === undefined || v.priceMaxVnd === undefined || v.priceMinVnd <= v.priceMaxVnd, {
    message: 'range',
    path: ['priceMaxVnd'],
  });
export type ProposalInput = z.infer<typeof proposalSchema>;

/** Declining a proposal: the reason is told (courteously) to the proposer. */
export const proposalDeclineSchema = z.strictObject({
  reason: z.string('required').trim().min(5, 'too_short').max(1000, 'too_long'),
});
