import type { DemandDto, OfferDto } from '@techbridge/shared';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../lib/format';

/** "500.000.000 ₫ – 1.200.000.000 ₫", "Từ 15.000.000 ₫ · có thể thương lượng" or "Thỏa thuận". */
export function priceText(price: OfferDto['price'], t: TFunction): string {
  const { min, max, currency, negotiable } = price;
  let text: string;
  if (min !== undefined && max !== undefined) {
    text = min === max ? formatMoney(min, currency) : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
  } else if (min !== undefined) {
    text = t('listing.price.from', { amount: formatMoney(min, currency) });
  } else if (max !== undefined) {
    text = t('listing.price.upTo', { amount: formatMoney(max, currency) });
  } else {
    return t('listing.price.negotiable');
  }
  return negotiable ? `${text} · ${t('listing.price.negotiableNote')}` : text;
}

export function budgetText(budget: DemandDto['budget'], t: TFunction): string {
  return budget.max === undefined
    ? t('listing.price.negotiable')
    : t('listing.price.upTo', { amount: formatMoney(budget.max, budget.currency) });
}
