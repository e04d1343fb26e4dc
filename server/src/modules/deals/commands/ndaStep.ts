import { NDA } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { audit } from '../../audit/record';
import type { Deal } from '../model';
import { ndaCounterpart, ndaView } from '../nda';
import { isOfferOwner } from '../policy';
import { dealStore } from '../store';
import { stageUpdate, updateDeal } from './changeStage';

type NdaAction = 'accept' | 'approve' | 'grant' | 'revoke';
const statusAfter = { accept: 'accepted', approve: 'granted', grant: 'granted', revoke: 'revoked' } as const;
const audited = {
  accept: 'nda.accepted',
  approve: 'nda.approved',
  grant: 'nda.granted',
  revoke: 'nda.revoked',
} as const;

/**
 * The NDA flow for an offer's confidential details, per deal: the
 * counterpart accepts the standard NDA, the offer's owner approves (or grants
 * directly), and may revoke. Each step is checked on the deal read under its
 * lock (so of simultaneous identical steps one passes) and audited.
 */
export async function ndaStep(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  action: NdaAction,
  meta: { ip: string | null; version?: string },
): Promise<Deal> {
  if (action === 'accept' && meta.version !== NDA.version) {
    throw badRequest('Accept the current NDA version', { version: 'invalid_type' });
  }
  const counterpart = ndaCounterpart(deal);
  if (!deal.offerId || !counterpart) throw badRequest('This deal has no offer with confidential details');
  const updated = await updateDeal(ctx, user, deal._id, `nda.${action}`, (current) => {
    const nda = ndaView(current, user);
    const allowed = { accept: nda.canAccept, approve: nda.canApprove, grant: nda.canGrant, revoke: nda.canRevoke }[
      action
    ];
    if (!allowed) {
      if ((action !== 'accept') !== isOfferOwner(user, current)) throw forbidden('Not your step in the NDA');
      throw conflict('Not possible in the current NDA state');
    }
    const step = {
      nda: {
        orgId: counterpart,
        status: statusAfter[action],
        version: action === 'accept' ? NDA.version : (current.nda?.version ?? null),
        at: new Date(),
      },
    };
    // Accepting the NDA moves an early deal into its NDA stage.
    if (action === 'accept' && current.stage === 'contacted') {
      const move = stageUpdate(user, current, { stage: 'nda' });
      return { ...move, $set: { ...move.$set, ...step } };
    }
    return { $set: step };
  });
  await dealStore(ctx.db).setGrant(deal.offerId, counterpart, deal._id, updated.nda?.status === 'granted');
  await audit(ctx.db, {
    action: audited[action],
    actor: user,
    targetType: 'offer',
    targetId: deal.offerId,
    dealId: deal._id,
    ip: meta.ip,
    version: NDA.version,
    details: { counterpartOrgId: counterpart },
  });
  return updated;
}
