import { sectorCodes } from '../taxonomies';
import type { OrganizationDto } from './auth';
import { text, webUrl } from './common';
import { z } from './zod';

/** How many people work there. */
export const organizationSizes = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type OrganizationSize = (typeof organizationSizes)[number];

const sector = z.enum(sectorCodes as unknown as [string, ...string[]], 'sector');

/**
 * `PATCH /api/organizations/me/profile` (the organisation's owner and
 * admins): every field optional; `null` clears it. Name, type and province
 * stay as registered and verified (they change through verification).
 */
export const organizationProfileSchema = z.strictObject({
  description: text(20, 3000, 'invalid_type').nullable().optional(),
  foundedYear: z
    .number('invalid_type')
    .int('invalid_type')
    .min(1800, 'too_small')
    .max(2100, 'too_large')
    .nullable()
    .optional(),
  size: z.enum(organizationSizes, 'invalid_type').nullable().optional(),
  sectors: z.array(sector, 'invalid_type').max(8, 'too_many').optional(),
  expertise: z.array(text(2, 80), 'invalid_type').max(12, 'too_many').optional(),
  website: webUrl().nullable().optional(),
  contact: z
    .strictObject({
      name: text(2, 120),
      title: text(0, 120, 'invalid_type').optional(),
      email: z.email('invalid_type').max(200, 'too_long').optional(),
      phone: z
        .string('invalid_type')
        .trim()
        .regex(/^\+?[0-9 .()-]{8,20}$/, 'invalid_type')
        .optional(),
    })
    .nullable()
    .optional(),
});
export type OrganizationProfileInput = z.infer<typeof organizationProfileSchema>;

/**
 * `GET /api/organizations/:id`: the public profile. `logoUrl` is the uploaded
 * logo, or a generated image of the name's initials when there is none.
 * `contact.email` and `contact.phone` are shown to signed-in users only.
 * `completeness` is present for the organisation's own members only.
 */
export interface OrganizationProfileDto extends OrganizationDto {
  description: string | null;
  foundedYear: number | null;
  size: OrganizationSize | null;
  sectors: string[];
  expertise: string[];
  logoUrl: string;
  website: string | null;
  contact: { name: string; title?: string; email?: string; phone?: string } | null;
  stats: { offers: number; demands: number; completedDeals: number };
  completeness?: { percent: number; missing: string[] };
}
