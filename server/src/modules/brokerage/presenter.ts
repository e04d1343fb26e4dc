import type { MandateDto } from '@techbridge/shared';
import type { AuthUser } from '../../platform/principal';
import type { Mandate } from './model';

type OrgRef = MandateDto['broker'];
const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The viewer's side of a mandate: its broker, its client, or neither (an administrator). */
export function mandateSide(viewer: AuthUser, m: Pick<Mandate, 'brokerOrgId' | 'clientOrgId'>) {
  if (viewer.organizationId === String(m.brokerOrgId)) return 'broker';
  if (viewer.organizationId === String(m.clientOrgId)) return 'client';
  return null;
}

export function presentMandate(m: Mandate, viewer: AuthUser, org: (id: unknown) => OrgRef): MandateDto {
  const side = mandateSide(viewer, m);
  const c = m.commission ?? {};
  return {
    id: String(m._id),
    broker: org(m.brokerOrgId),
    client: org(m.clientOrgId),
    status: m.status as MandateDto['status'],
    message: m.message ?? null,
    commission: { percent: c.percent ?? null, fixedVnd: c.fixedVnd ?? null, note: c.note ?? null },
    requestedAt: new Date(m.requestedAt).toISOString(),
    acceptedAt: iso(m.acceptedAt),
    endedAt: iso(m.endedAt),
    policies: {
      accept: side === 'client' && m.status === 'requested',
      decline: side === 'client' && m.status === 'requested',
      end: !!side && (m.status === 'active' || (side === 'broker' && m.status === 'requested')),
      introduce: side === 'broker' && m.status === 'active',
    },
  };
}
