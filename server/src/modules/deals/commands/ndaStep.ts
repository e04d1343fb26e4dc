import { NDA } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import type { Deal } from '../model';
import { ndaCounterpart, ndaView } from '../nda';
import { ndaTextHash } from '../ndaRecord';
import { isOfferOwner } from '../policy';
import { dealStore } from '../store';
import { checkOpen, stageUpdate } from './changeStage';
import { type RequestMeta, updateDeal } from './updateDeal';

type NdaAction = 'accept' | 'approve' | 'grant' | 'revoke';
const statusAfter = { accept: 'accepted', approve: 'granted', grant: 'granted', revoke: 'revoked' } as const;
const journaled = {
  accept: 'nda.accepted',
  approve: 'nda.approved',
  grant: 'nda.granted',
  revoke: 'nda.revoked',
} as const;

/**
 * The NDA flow for an offer's confidential details, per deal: the
 * counterpart accepts the standard NDA, the offer's owner approves (or grants
 * directly), and may revoke. Each step is checked on the deal read under its
 * lease, so of simultaneous identical steps exactly one applies (the others
 * answer 409) and the journal, written from the step's event, records it
 * once. Accepting records who signed which text (its hash) and when.
 */
export async function ndaStep(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  action: NdaAction,
  meta: RequestMeta & { version?: string },
): Promise<Deal> {
  if (action === 'accept' && meta.version !== NDA.version) {
    throw badRequest('Accept the current NDA version', { version: 'invalid_type' });
  }
  const counterpart = ndaCounterpart(deal);
  if (!deal.offerId || !counterpart) throw badRequest('This deal has no offer with confidential details');
  const updated = await updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      checkOpen(current);
      const nda = ndaView(current, user);
      const allowed = { accept: nda.canAccept, approve: nda.canApprove, grant: nda.canGrant, revoke: nda.canRevoke }[
        action
      ];
      if (!allowed) {
        if ((action !== 'accept') !== isOfferOwner(user, current)) throw forbidden('Not your step in the NDA');
        throw conflict('Not possible in the current NDA state');
      }
      const now = new Date();
      const by = { id: user.id, name: user.name };
      const previous = (current.nda ?? {}) as Record<string, unknown>;
      const step = {
        nda: {
          ...previous,
          orgId: counterpart,
          status: statusAfter[action],
          version: action === 'accept' ? NDA.version : (current.nda?.version ?? null),
          at: now,
          ...(action === 'accept' ? { acceptedAt: now, acceptedBy: by, textHash: ndaTextHash(), grantedAt: null } : {}),
          ...(action === 'approve' || action === 'grant' ? { grantedAt: now, grantedBy: by } : {}),
        },
      };
      const journal = {
        action: journaled[action],
        version: NDA.version,
        details: { counterpartOrgId: counterpart },
      };
      // Accepting the NDA moves an early deal into its NDA stage.
      if (action === 'accept' && (current.stage === 'interest' || current.stage === 'contacted')) {
        const move = stageUpdate(user, current, { stage: 'nda' });
        return { update: { ...move, $set: { ...move.$set, ...step } }, reason: `nda.${action}`, journal };
      }
      return { update: { $set: step }, reason: `nda.${action}`, journal };
    },
    meta,
  );
  await dealStore(ctx.db).setGrant(deal.offerId, counterpart, deal._id, updated.nda?.status === 'granted');
  return updated;
}
