import type { VerificationRequestInput } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { Verification } from '../model';
import { organizationStore } from '../store';

const MAX_DOCUMENTS = 10;

function requireOwner(user: AuthUser): string {
  if (!user.organizationId || user.orgRole !== 'owner')
    throw forbidden('Only the organisation’s owner can request verification');
  return user.organizationId;
}

/** An organisation's owner asks to be verified; one request may wait at a time. */
export async function requestVerification(
  ctx: AppContext,
  user: AuthUser,
  input: VerificationRequestInput,
): Promise<Verification> {
  const orgId = requireOwner(user);
  const store = organizationStore(ctx.db);
  if ((await store.latestVerification(orgId))?.status === 'pending')
    throw conflict('A verification request is already waiting');
  return store.createVerification({ ...input, organizationId: orgId, requestedBy: user.id });
}

/** The pending request a document may be added to, with room for it. */
export async function pendingVerificationFor(ctx: AppContext, user: AuthUser): Promise<Verification> {
  const pending = user.organizationId ? await organizationStore(ctx.db).latestVerification(user.organizationId) : null;
  if (pending?.status !== 'pending' || user.orgRole !== 'owner') throw notFound('No pending verification request');
  if ((pending.documents ?? []).length >= MAX_DOCUMENTS)
    throw conflict(`A request holds at most ${MAX_DOCUMENTS} documents`);
  return pending;
}
