import { emailSchema, passwordSchema } from './auth';
import { z } from './zod';

/**
 * Accounts and e-mail: address verification, password reset and change,
 * organisation teams (invitations and roles) and e-mail notification
 * preferences. Tokens travel in links as `<id>.<secret>` (the server stores
 * a hash, looked up by the id).
 */
export const tokenSchema = z
  .string('required')
  .trim()
  .min(20, 'token_invalid')
  .max(200, 'token_invalid')
  .regex(/^[\w-]+\.[\w-]+$/, 'token_invalid');

export const verifyEmailSchema = z.strictObject({ token: tokenSchema });
export const forgotPasswordSchema = z.strictObject({ email: emailSchema });
export const resetPasswordSchema = z.strictObject({ token: tokenSchema, password: passwordSchema });
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string('required').min(1, 'required').max(128, 'password_long'),
  newPassword: passwordSchema,
});
export const changeEmailSchema = z.strictObject({
  email: emailSchema,
  password: z.string('required').min(1, 'required').max(128, 'password_long'),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

// ---- Organisation teams

/** owner: everything, alone; admin: manages the team's members; member: works with the organisation's records. */
export const orgRoles = ['owner', 'admin', 'member'] as const;
export const assignableRoles = ['admin', 'member'] as const;
export type AssignableRole = (typeof assignableRoles)[number];

const objectId = z.string('required').regex(/^[a-f0-9]{24}$/i, 'object_id');

export const inviteSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(assignableRoles, 'org_role').default('member'),
});
export const memberRoleSchema = z.strictObject({ role: z.enum(assignableRoles, 'org_role') });
export const transferOwnershipSchema = z.strictObject({ userId: objectId });
/** Accepting an invitation: signed in (nothing else needed), or creating the invited address's account. */
export const acceptInvitationSchema = z.strictObject({
  token: tokenSchema,
  name: z.string('name_required').trim().min(2, 'name_required').max(120, 'too_long').optional(),
  password: passwordSchema.optional(),
});
export type InviteInput = z.infer<typeof inviteSchema>;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export interface TeamMemberDto {
  id: string;
  name: string;
  email: string;
  orgRole: (typeof orgRoles)[number];
}

export interface InvitationDto {
  id: string;
  email: string;
  role: AssignableRole;
  invitedBy: string;
  expiresAt: string;
  createdAt: string;
}

/** What the invitation link's page shows (to whoever holds the link, which was mailed to `email`). */
export interface InvitationPreviewDto {
  email: string;
  role: AssignableRole;
  organization: { id: string; name: string; type: string };
  invitedBy: string;
  expiresAt: string;
  /** Whether the address has an account to sign in with (else the page offers to create one). */
  accountExists: boolean;
}

// ---- E-mail notification preferences

/** The kinds of notification mail, each with its own preference. */
export const mailKinds = ['matches', 'dealMessages', 'dealUpdates', 'savedSearches', 'decisions', 'events'] as const;
export type MailKind = (typeof mailKinds)[number];
/** immediately: one mail per notification; digest: in the daily summary; off: no mail (the in-app inbox stays). */
export const mailModes = ['immediate', 'digest', 'off'] as const;
export type MailMode = (typeof mailModes)[number];
export type MailPreferences = Record<MailKind, MailMode>;

export const defaultMailPreferences: MailPreferences = {
  matches: 'digest',
  dealMessages: 'immediate',
  dealUpdates: 'immediate',
  savedSearches: 'digest',
  decisions: 'immediate',
  events: 'immediate',
};

const mode = z.enum(mailModes, 'mail_mode');
export const mailPreferencesSchema = z.strictObject({
  matches: mode.optional(),
  dealMessages: mode.optional(),
  dealUpdates: mode.optional(),
  savedSearches: mode.optional(),
  decisions: mode.optional(),
  events: mode.optional(),
});
export const unsubscribeSchema = z.strictObject({
  token: z
    .string('required')
    .trim()
    .min(10, 'token_invalid')
    .max(300, 'token_invalid')
    .regex(/^[\w.-]+$/, 'token_invalid'),
});
