import { formatMoney } from '../../lib/format';

/** A price range in words: "600.000.000 ₫ – 900.000.000 ₫", one end, or a dash. */
export function priceRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? formatMoney(min) : `${formatMoney(min)} – ${formatMoney(max)}`;
  if (min !== null) return `≥ ${formatMoney(min)}`;
  if (max !== null) return `≤ ${formatMoney(max)}`;
  return '—';
}
