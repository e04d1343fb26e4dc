import type { Lang } from '../schemas/messages';
import { getProvince, labelOf, sectors, transferModes } from '../taxonomies';
import type { MatchAdjustment } from './feedback';
import type { MatchReason } from './score';

const money = (n: number, lang: Lang) =>
  `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(n)} ₫`;
const list = (items: string[]) => items.join(', ');

/** "a, b và c" / "a, b and c". */
const sentenceList = (items: string[], lang: Lang) =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${items.at(-1)}`;

const ADJUSTMENTS: Record<MatchAdjustment, { vi: string; en: string }> = {
  wrong_technology: { vi: 'cần nhiều điểm chung về công nghệ hơn', en: 'more shared technology is required' },
  wrong_sector: { vi: 'chỉ ghép cùng lĩnh vực', en: 'only the same sector counts' },
  trl_too_low: { vi: 'yêu cầu công nghệ hoàn thiện hơn', en: 'a more mature technology is required' },
  price: { vi: 'giá vượt ngân sách bị trừ điểm', en: 'prices over budget lose points' },
  location: { vi: 'đối tác ở vùng khác bị trừ điểm', en: 'partners in other regions lose points' },
};

/** One reason as a sentence, in Vietnamese or English — the same text in notifications, e-mail and the UI. */
export function describeReason(reason: MatchReason, lang: Lang): string {
  const vi = lang === 'vi';
  switch (reason.kind) {
    case 'terms': {
      if (!reason.terms.length)
        return vi ? 'Hai bên không có điểm chung cụ thể về công nghệ.' : 'The listings share no specific technology.';
      const named = reason.terms.map((t, i) => {
        const gloss = reason.english?.[i];
        return vi || !gloss ? `“${t}”` : `${gloss} (“${t}”)`;
      });
      return vi
        ? `Cả hai cùng đề cập đến ${sentenceList(named, lang)}.`
        : `Both listings mention ${sentenceList(named, lang)}.`;
    }
    case 'sectors': {
      if (reason.sectors.length) {
        const labels = sentenceList(
          reason.sectors.map((s) => labelOf(sectors, s, lang)),
          lang,
        );
        return vi ? `Cùng lĩnh vực ${labels}.` : `Both are in ${labels}.`;
      }
      if (reason.relation === 'related')
        return vi ? 'Hai lĩnh vực liên quan đến nhau.' : 'The two sectors are related.';
      return vi ? 'Hai bên thuộc các lĩnh vực khác nhau.' : 'The listings are in different sectors.';
    }
    case 'trl':
      if (reason.trlMin === null)
        return vi
          ? `Công nghệ đạt mức sẵn sàng TRL ${reason.offerTrl}.`
          : `The technology is at TRL ${reason.offerTrl}.`;
      return {
        meets: vi
          ? `TRL ${reason.offerTrl} đáp ứng yêu cầu tối thiểu ${reason.trlMin}.`
          : `TRL ${reason.offerTrl} meets the required minimum of ${reason.trlMin}.`,
        close: vi
          ? `TRL ${reason.offerTrl} gần đạt yêu cầu ${reason.trlMin}.`
          : `TRL ${reason.offerTrl} is just below the required ${reason.trlMin}.`,
        below: vi
          ? `TRL ${reason.offerTrl} thấp hơn yêu cầu ${reason.trlMin}.`
          : `TRL ${reason.offerTrl} is below the required ${reason.trlMin}.`,
      }[reason.fit];
    case 'location': {
      const o = getProvince(reason.offerProvince)?.name ?? reason.offerProvince;
      const d = getProvince(reason.demandProvince)?.name ?? reason.demandProvince;
      if (reason.relation === 'same_province') return vi ? `Cùng địa bàn ${o}.` : `Both are in ${o}.`;
      if (reason.relation === 'same_region') return vi ? `Cùng vùng: ${o} và ${d}.` : `Same region: ${o} and ${d}.`;
      return vi ? `Khác vùng: ${o} và ${d}.` : `Different regions: ${o} and ${d}.`;
    }
    case 'budget':
      if (reason.fit === 'unknown')
        return vi ? 'Giá hoặc ngân sách sẽ được thỏa thuận.' : 'The price or budget is to be negotiated.';
      if (reason.fit === 'within')
        return vi
          ? `Giá từ ${money(reason.priceMin ?? 0, lang)} nằm trong ngân sách ${money(reason.budgetMax ?? 0, lang)}.`
          : `The price from ${money(reason.priceMin ?? 0, lang)} fits the budget of ${money(reason.budgetMax ?? 0, lang)}.`;
      return vi
        ? `Giá từ ${money(reason.priceMin ?? 0, lang)} ${reason.fit === 'close' ? 'hơi vượt' : 'vượt'} ngân sách ${money(reason.budgetMax ?? 0, lang)}.`
        : `The price from ${money(reason.priceMin ?? 0, lang)} is ${reason.fit === 'close' ? 'slightly ' : ''}over the budget of ${money(reason.budgetMax ?? 0, lang)}.`;
    case 'transferModes':
      return reason.modes.length
        ? vi
          ? `Phương thức chuyển giao phù hợp: ${list(reason.modes.map((m) => labelOf(transferModes, m, lang)))}.`
          : `Compatible transfer: ${list(reason.modes.map((m) => labelOf(transferModes, m, lang)))}.`
        : vi
          ? 'Phương thức chuyển giao khác nhau.'
          : 'No common transfer mode.';
    case 'feedback': {
      const rules = sentenceList(
        reason.adjustments.map((a) => ADJUSTMENTS[a][lang]),
        lang,
      );
      return vi
        ? `Xếp hạng theo phản hồi “Không phù hợp” trước đây: ${rules}.`
        : `Ranked by earlier “not a fit” feedback: ${rules}.`;
    }
  }
}
