import { organizationTypeCodes, provinceCodes, sectorCodes } from '../taxonomies';
import { text, webUrl } from './common';
import { listingStatuses, listingTypes } from './listings';
import { z } from './zod';

export const verificationRequestSchema = z.strictObject({
  registrationNumber: text(5, 30),
  taxCode: z
    .string('invalid_type')
    .trim()
    .regex(/^\d{10}(-\d{3})?$/, 'invalid_type')
    .optional(),
  address: text(10, 300),
  website: webUrl().optional(),
  note: text(0, 2000, 'invalid_type').optional(),
});
export type VerificationRequestInput = z.infer<typeof verificationRequestSchema>;

export const reasonSchema = z.strictObject({
  reason: text(5, 1000),
});

export const auditQuerySchema = z.strictObject({
  action: z.string('invalid_type').trim().max(60, 'too_long').optional(),
  actor: z
    .string('object_id')
    .regex(/^[a-f0-9]{24}$/i, 'object_id')
    .optional(),
  target: z
    .string('object_id')
    .regex(/^[a-f0-9]{24}$/i, 'object_id')
    .optional(),
  from: z.iso.date('date').optional(),
  to: z.iso.date('date').optional(),
  /** The cursor of "load more": the time and id of the last entry shown (entries can share a time). */
  before: z.iso.datetime('date').optional(),
  beforeId: z
    .string('object_id')
    .regex(/^[a-f0-9]{24}$/i, 'object_id')
    .optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(500, 'too_long').default(100),
});

export const statsQuerySchema = z.strictObject({
  from: z.iso.date('date').optional(),
  to: z.iso.date('date').optional(),
  sector: z.enum(sectorCodes as [string, ...string[]], 'sector').optional(),
  province: z.enum(provinceCodes as [string, ...string[]], 'province').optional(),
  /** Administrators and agencies may widen an agency's default view to the whole country. */
  scope: z.enum(['default', 'national'], 'invalid_type').default('default'),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const fileFormatSchema = z.strictObject({ format: z.enum(['csv', 'xlsx'], 'invalid_type').default('csv') });
/** GET /api/export/:type: the file format and, optionally, one status (every status when absent). */
export const listingExportQuerySchema = z.strictObject({
  ...fileFormatSchema.shape,
  status: z.enum(listingStatuses, 'invalid_type').optional(),
});
export type ListingExportQuery = z.infer<typeof listingExportQuerySchema>;
export const importQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false'], 'invalid_type').default('true') });

export interface StatsDto {
  scope: { provinces: string[] | 'all'; from: string | null; to: string | null; sector: string | null };
  listings: {
    total: number;
    byType: Record<string, number>;
    bySector: Record<string, number>;
    byProvince: Record<string, number>;
    byTrl: Record<string, number>;
    byMonth: Record<string, number>;
  };
  /** feedback: how many times each "Không phù hợp" reason was given (see matchFeedbackReasons). */
  matches: { total: number; feedback: Record<string, number> };
  deals: { total: number; byStage: Record<string, number> };
  funnel: { listings: number; matched: number; deals: number; nda: number; won: number };
  outcomes: {
    count: number;
    valueVnd: number;
    byContractType: Record<string, { count: number; valueVnd: number }>;
    bySector: Record<string, { count: number; valueVnd: number }>;
    byProvince: Record<string, { count: number; valueVnd: number }>;
  };
  timeToFirstContact: { n: number; medianDays: number | null; meanDays: number | null };
}

export interface ImportProblem {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  ref: string | null;
  fields: Record<string, string>;
}

export interface ImportReport {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
}

/** Query and body schemas of the administration and directory routes (one definition for routes and OpenAPI). */
export const organizationListQuerySchema = z.strictObject({
  type: z.enum(organizationTypeCodes as [string, ...string[]], 'org_type').optional(),
  q: z.string('invalid_type').trim().max(100, 'too_long').optional(),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(100, 'too_long').default(50),
});
export const verifyOrganizationSchema = z.strictObject({ verified: z.boolean('invalid_type') });
export const adminOrganizationsQuerySchema = z.object({
  verified: z.enum(['true', 'false'], 'invalid_type').optional(),
});
export const adminListingsQuerySchema = z.strictObject({
  status: z.enum(listingStatuses, 'invalid_type').default('pending_review'),
  type: z.enum(listingTypes, 'invalid_type').optional(),
});
export const verificationsQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected'], 'invalid_type').default('pending'),
});
export const usersQuerySchema = z.strictObject({ q: z.string('invalid_type').trim().max(100, 'too_long').optional() });
export const optionalReasonSchema = z.strictObject({
  reason: z.string('invalid_type').trim().max(1000, 'too_long').optional(),
});
