import { organizationTypeCodes, provinceCodes } from '../taxonomies';
import { normalizeEmail } from '../text';
import { z } from './zod';

export const emailSchema = z
  .string('required')
  .trim()
  .max(254, 'too_long')
  .pipe(z.email('email'))
  .transform(normalizeEmail);

export const passwordSchema = z
  .string('required')
  .min(8, 'password_short')
  .max(128, 'password_long')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'password_weak');

export const organizationInputSchema = z.strictObject(
  {
    name: z.string('org_name_required').trim().min(2, 'org_name_required').max(200, 'too_long'),
    type: z.enum(organizationTypeCodes as [string, ...string[]], 'org_type'),
    province: z.enum(provinceCodes as [string, ...string[]], 'province'),
  },
  'required',
);

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string('name_required').trim().min(2, 'name_required').max(120, 'too_long'),
  organization: organizationInputSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

/** Login checks shape only; password rules are not revealed at login. */
export const loginSchema = z.strictObject({
  email: z.string('required').trim().min(1, 'required').max(254, 'too_long').transform(normalizeEmail),
  password: z.string('required').min(1, 'required').max(128, 'password_long'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const userRoles = ['member', 'admin', 'owner'] as const;
export type OrgRole = (typeof userRoles)[number];

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'admin';
  orgRole: OrgRole | null;
  organizationId: string | null;
  locale: 'vi' | 'en';
  /** The address was confirmed through a mailed link (unverified accounts browse and draft, but neither publish nor contact). */
  emailVerified: boolean;
  /** A new address waiting for confirmation (the current one stays until then). */
  pendingEmail: string | null;
  createdAt: string;
}

export interface OrganizationDto {
  id: string;
  name: string;
  type: string;
  province: string;
  verified: boolean;
  createdAt: string;
}

export interface AuthResponse {
  accessToken: string;
  user: UserDto;
  organization?: OrganizationDto | null;
}
