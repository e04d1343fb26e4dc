import { isClosedStage } from '@techbridge/shared';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { organizationStore } from '../../organizations/store';
import type { Deal } from '../model';
import { participantOrgIds } from '../policy';
import { roleOf } from '../stageRules';
import { dealStore } from '../store';
import { checkOpen } from './changeStage';
import { type RequestMeta, updateDeal } from './updateDeal';

/** A party brings an active intermediary organisation into an open deal (one per deal). */
export async function inviteIntermediary(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  organizationId: string,
  meta: RequestMeta = {},
): Promise<Deal> {
  const org = await organizationStore(ctx.db).findById(organizationId);
  if (org?.type !== 'intermediary' || org.status !== 'active') {
    throw badRequest('Invite an active intermediary organisation', { organizationId: 'org_type' });
  }
  // Listed among the intermediary's deals first: a crash in between leaves a key naming a deal it cannot read.
  await dealStore(ctx.db).addParticipant(organizationId, deal._id);
  return updateDeal(
    ctx,
    user,
    deal._id,
    (current) => {
      checkOpen(current);
      const role = roleOf(user, current);
      if (role !== 'owner' && role !== 'initiator') throw forbidden('Only the parties invite an intermediary');
      if (isClosedStage(current.stage)) throw conflict('This deal is closed');
      if (String(current.intermediaryOrgId) === organizationId) return null;
      if (participantOrgIds(current).includes(organizationId)) throw conflict('Already a participant');
      if (current.intermediaryOrgId) throw conflict('This deal already has an intermediary');
      return {
        update: { $set: { intermediaryOrgId: organizationId } },
        reason: 'intermediary',
        journal: { action: 'deal.intermediary_invited', details: { organizationId, organization: org.name } },
      };
    },
    meta,
  );
}
