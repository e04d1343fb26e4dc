import crypto from 'node:crypto';
import type { AcceptInvitationInput, InvitationPreviewDto } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { AppError, forbidden, validationError } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { createUser } from '../../accounts/commands/createUser';
import type { User } from '../../accounts/model';
import { accountStore } from '../../accounts/store';
import type { Invitation, Organization } from '../model';
import { organizationStore } from '../store';
import { leaveTeam, perTeam } from './team';

const invalid = () => validationError({ token: 'token_invalid' });

/** The invitation a token names: read by the token's id, compared by hash, not expired. */
async function invitationFor(ctx: AppContext, token: string): Promise<{ invitation: Invitation; org: Organization }> {
  const [id] = token.split('.');
  if (!/^[a-f0-9]{24}$/i.test(id ?? '')) throw invalid();
  const store = organizationStore(ctx.db);
  const invitation = await store.findInvitation(id);
  if (!invitation || invitation.expiresAt.getTime() <= Date.now()) throw invalid();
  const stored = Buffer.from(invitation.tokenHash, 'hex');
  const presented = crypto.createHash('sha256').update(token).digest();
  if (stored.length !== presented.length || !crypto.timingSafeEqual(stored, presented)) throw invalid();
  const org = await store.findById(invitation.organizationId);
  if (org?.status !== 'active') throw invalid();
  return { invitation, org };
}

/** What the invitation page shows to whoever holds the link (it was mailed to the invited address). */
export async function previewInvitation(ctx: AppContext, token: string): Promise<InvitationPreviewDto> {
  const { invitation, org } = await invitationFor(ctx, token);
  return {
    email: invitation.email,
    role: invitation.role as InvitationPreviewDto['role'],
    organization: { id: String(org._id), name: org.name, type: org.type },
    invitedBy: invitation.invitedByName,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: !!(await accountStore(ctx.db).ownerIdOf(invitation.email)),
  };
}

/**
 * Accepts an invitation. Signed in with the invited address: the account
 * joins the team (leaving its current organisation, unless it owns one with
 * other members: ownership is handed over first). Not signed in: an address
 * with an account must sign in first (409 `sign_in_required`); otherwise the
 * account is created here, its address confirmed by the link itself.
 * Resolves with the user and whether an account was created (the route then
 * starts its session).
 */
export async function acceptInvitation(
  ctx: AppContext,
  principal: AuthUser | null,
  input: AcceptInvitationInput,
  locale: 'vi' | 'en',
): Promise<{ user: User; organization: Organization; created: boolean }> {
  const { invitation, org } = await invitationFor(ctx, input.token);
  const orgId = String(org._id);
  const accounts = accountStore(ctx.db);
  const orgs = organizationStore(ctx.db);
  const role = invitation.role as 'admin' | 'member';
  if (!principal) {
    if (await accounts.ownerIdOf(invitation.email))
      throw new AppError(409, 'sign_in_required', 'This address has an account: sign in to accept the invitation');
    const missing = {
      ...(input.name ? {} : { name: 'name_required' }),
      ...(input.password ? {} : { password: 'required' }),
    };
    if (Object.keys(missing).length) throw validationError(missing);
    if (!(await orgs.removeInvitation(invitation))) throw invalid();
    const user = await createUser(ctx.db, {
      email: invitation.email,
      password: input.password!,
      name: input.name!,
      organizationId: org._id,
      orgRole: role,
      locale,
      verified: true,
    });
    return { user, organization: org, created: true };
  }
  const current = await accounts.findUser(principal.id);
  if (!current || current.email !== invitation.email)
    throw forbidden(`This invitation was sent to ${invitation.email}: sign in with that address to accept it`);
  const joined = await perTeam(String(current.organizationId ?? 'none'), async () => {
    if (String(current.organizationId) === orgId) return current;
    if (current.organizationId && current.orgRole === 'owner') {
      const others = (await orgs.memberIds(current.organizationId)).filter((id) => id !== principal.id);
      if (others.length)
        throw new AppError(
          409,
          'transfer_ownership_first',
          'You own an organisation with other members: transfer its ownership before joining another',
        );
    }
    if (!(await orgs.removeInvitation(invitation))) throw invalid();
    await leaveTeam(ctx, current);
    // The link was mailed to this address: following it confirms the address too.
    const verified = current.emailVerifiedAt === null && (await accounts.claimEmail(current.email, current._id));
    if (verified) await accounts.removePending(current.email, current._id);
    const user = (await accounts.setFields(current._id, {
      organizationId: org._id,
      orgRole: role,
      ...(verified ? { emailVerifiedAt: new Date() } : {}),
    }))!;
    await orgs.addMember(orgId, current._id);
    return user;
  });
  return { user: joined, organization: org, created: false };
}
