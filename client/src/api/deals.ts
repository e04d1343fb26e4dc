import { apiFetch } from './http';

export type DealTarget = { offerId: string } | { demandId: string };

/** Opens a deal on a listing ("express interest"). The deals API arrives in a later release. */
export async function openDeal(target: DealTarget): Promise<{ id: string }> {
  const res = await apiFetch<{ data?: { id?: string }; id?: string }>('/api/deals', { method: 'POST', body: target });
  const id = res?.data?.id ?? res?.id;
  if (!id) throw new Error('Deal id missing from response');
  return { id };
}
