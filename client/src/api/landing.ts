import type { LandingDto } from '@techbridge/shared';
import { apiFetch } from './http';

/** GET /api/landing: the landing page's live figures and newest listings. */
export function getLanding(signal?: AbortSignal): Promise<{ data: LandingDto }> {
  return apiFetch<{ data: LandingDto }>('/api/landing', { signal });
}
