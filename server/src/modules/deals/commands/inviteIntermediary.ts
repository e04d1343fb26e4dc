import type { AppContext } from '../../../context';
import { badRequest, conflict } from '../../../platform/errors';
import type { AuthUser } from '../../../platform/principal';
import { organizationStore } from '../../organizations/store';
import type { Deal } from '../model';
import { participantOrgIds } from '../policy';
import { dealStore } from '../store';
import { updateDeal } from './changeStage';

/** Brings an active intermediary organisation into a deal (one per deal). */
export async function inviteIntermediary(
  ctx: AppContext,
  user: AuthUser,
  deal: Deal,
  organizationId: string,
): Promise<Deal> {
  const org = await organizationStore(ctx.db).findById(organizationId);
  if (org?.type !== 'intermediary' || org.status !== 'active') {
    throw badRequest('Invite an active intermediary organisation', { organizationId: 'org_type' });
  }
  // Listed among the intermediary's deals first: a crash in between leaves a key naming a deal it cannot read.
  await dealStore(ctx.db).addParticipant(organizationId, deal._id);
  return updateDeal(ctx, user, deal._id, 'intermediary', (current) => {
    if (participantOrgIds(current).includes(organizationId) && String(current.intermediaryOrgId) !== organizationId)
      throw conflict('Already a participant');
    if (current.intermediaryOrgId) throw conflict('This deal already has an intermediary');
    return { $set: { intermediaryOrgId: organizationId } };
  });
}
