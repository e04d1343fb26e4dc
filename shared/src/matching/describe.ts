import type { Lang } from '../schemas/messages';
import { getProvince, labelOf, sectors, transferModes } from '../taxonomies';
import type { MatchReason } from './score';

const money = (n: number, lang: Lang) =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(n)} ₫`;
const list = (items: string[]) => items.join(', ');

/** One reason in words, in Vietnamese or English — the same text in notifications and in the UI. */
export function describeReason(reason: MatchReason, lang: Lang): string {
  const vi = lang === 'vi';
  switch (reason.kind) {
    case 'terms':
      return reason.terms.length
        ? vi
          ? `Trùng từ khóa: ${list(reason.terms)}`
          : `Shared terms: ${list(reason.terms)}`
        : vi
          ? 'Không có từ khóa chung'
          : 'No shared terms';
    case 'sectors':
      return reason.sectors.length
        ? `${vi ? 'Cùng lĩnh vực' : 'Same sector'}: ${list(reason.sectors.map((s) => labelOf(sectors, s, lang)))}`
        : vi
          ? 'Khác lĩnh vực'
          : 'Different sectors';
    case 'trl':
      if (reason.trlMin === null)
        return vi ? `Công nghệ ở TRL ${reason.offerTrl}` : `Technology at TRL ${reason.offerTrl}`;
      return {
        meets: vi
          ? `TRL ${reason.offerTrl} đáp ứng yêu cầu tối thiểu ${reason.trlMin}`
          : `TRL ${reason.offerTrl} meets the required minimum ${reason.trlMin}`,
        close: vi
          ? `TRL ${reason.offerTrl} gần đạt yêu cầu ${reason.trlMin}`
          : `TRL ${reason.offerTrl} is just below the required ${reason.trlMin}`,
        below: vi
          ? `TRL ${reason.offerTrl} thấp hơn yêu cầu ${reason.trlMin}`
          : `TRL ${reason.offerTrl} is below the required ${reason.trlMin}`,
      }[reason.fit];
    case 'location': {
      const o = getProvince(reason.offerProvince)?.name ?? reason.offerProvince;
      const d = getProvince(reason.demandProvince)?.name ?? reason.demandProvince;
      if (reason.relation === 'same_province') return vi ? `Cùng địa bàn: ${o}` : `Same province: ${o}`;
      if (reason.relation === 'same_region') return vi ? `Cùng vùng: ${o} – ${d}` : `Same region: ${o} – ${d}`;
      return vi ? `Khác vùng: ${o} – ${d}` : `Different regions: ${o} – ${d}`;
    }
    case 'budget':
      if (reason.fit === 'unknown') return vi ? 'Giá hoặc ngân sách thỏa thuận' : 'Price or budget to be negotiated';
      if (reason.fit === 'within')
        return vi
          ? `Giá từ ${money(reason.priceMin ?? 0, lang)} nằm trong ngân sách ${money(reason.budgetMax ?? 0, lang)}`
          : `Price from ${money(reason.priceMin ?? 0, lang)} fits the budget of ${money(reason.budgetMax ?? 0, lang)}`;
      return vi
        ? `Giá từ ${money(reason.priceMin ?? 0, lang)} ${reason.fit === 'close' ? 'hơi vượt' : 'vượt'} ngân sách ${money(reason.budgetMax ?? 0, lang)}`
        : `Price from ${money(reason.priceMin ?? 0, lang)} is ${reason.fit === 'close' ? 'slightly ' : ''}over the budget of ${money(reason.budgetMax ?? 0, lang)}`;
    case 'transferModes':
      return reason.modes.length
        ? `${vi ? 'Phương thức phù hợp' : 'Compatible transfer'}: ${list(reason.modes.map((m) => labelOf(transferModes, m, lang)))}`
        : vi
          ? 'Phương thức chuyển giao khác nhau'
          : 'No common transfer mode';
  }
}
