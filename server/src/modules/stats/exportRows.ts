import {
  getProvince,
  type Lang,
  labelOf,
  type StatsDto,
  type StatsQuery,
  sectors,
  transferModes,
} from '@techbridge/shared';

import { exportTime } from '../../platform/files/tables';
import { dealStageLabels } from '../deals/stageLabels';

type Cell = string | number | null;

/** The words of the statistics file, in the viewer's language. */
const words = {
  vi: {
    title: 'Thống kê TechBridge',
    scope: 'Phạm vi',
    national: 'Toàn quốc',
    filters: 'Bộ lọc',
    noFilters: 'Không lọc',
    sector: 'Lĩnh vực',
    province: 'Tỉnh/thành',
    from: 'Từ ngày',
    to: 'Đến ngày',
    exportedAt: 'Thời điểm xuất',
    header: ['Mục', 'Hạng mục', 'Số lượng', 'Giá trị (VND)'],
    total: 'Tổng',
    median: 'Trung vị (ngày)',
    mean: 'Trung bình (ngày)',
    sections: {
      byType: 'Tin đăng theo loại',
      bySector: 'Tin đăng theo lĩnh vực',
      byProvince: 'Tin đăng theo tỉnh/thành',
      byTrl: 'Tin đăng theo mức TRL',
      byMonth: 'Tin đăng theo tháng',
      matches: 'Gợi ý kết nối',
      feedback: 'Gợi ý bị từ chối, theo lý do',
      byStage: 'Giao dịch theo giai đoạn',
      funnel: 'Phễu chuyển đổi',
      outcomes: 'Kết quả đã xác nhận',
      byContractType: 'Kết quả theo hình thức chuyển giao',
      outcomeSector: 'Kết quả theo lĩnh vực',
      outcomeProvince: 'Kết quả theo tỉnh/thành',
      firstContact: 'Thời gian đến lần liên hệ đầu',
    },
    types: { offer: 'Công nghệ chào bán', demand: 'Nhu cầu công nghệ' } as Record<string, string>,
    stages: dealStageLabels.vi,
    reasons: {
      wrong_technology: 'Sai công nghệ',
      wrong_sector: 'Sai lĩnh vực',
      trl_too_low: 'TRL quá thấp',
      price: 'Giá',
      location: 'Địa điểm',
      other: 'Lý do khác',
    } as Record<string, string>,
    funnel: {
      listings: 'Tin đăng',
      matched: 'Có gợi ý',
      deals: 'Giao dịch',
      nda: 'Đã ký NDA',
      won: 'Thành công',
    } as Record<string, string>,
  },
  en: {
    title: 'TechBridge statistics',
    scope: 'Scope',
    national: 'Whole country',
    filters: 'Filters',
    noFilters: 'None',
    sector: 'Sector',
    province: 'Province',
    from: 'From',
    to: 'To',
    exportedAt: 'Exported at',
    header: ['Section', 'Item', 'Count', 'Value (VND)'],
    total: 'Total',
    median: 'Median (days)',
    mean: 'Mean (days)',
    sections: {
      byType: 'Listings by type',
      bySector: 'Listings by sector',
      byProvince: 'Listings by province',
      byTrl: 'Listings by TRL',
      byMonth: 'Listings by month',
      matches: 'Matches',
      feedback: 'Dismissed matches by reason',
      byStage: 'Deals by stage',
      funnel: 'Conversion funnel',
      outcomes: 'Confirmed outcomes',
      byContractType: 'Outcomes by transfer mode',
      outcomeSector: 'Outcomes by sector',
      outcomeProvince: 'Outcomes by province',
      firstContact: 'Time to first contact',
    },
    types: { offer: 'Technology offers', demand: 'Technology demands' } as Record<string, string>,
    stages: dealStageLabels.en,
    reasons: {
      wrong_technology: 'Wrong technology',
      wrong_sector: 'Wrong sector',
      trl_too_low: 'TRL too low',
      price: 'Price',
      location: 'Location',
      other: 'Other',
    } as Record<string, string>,
    funnel: {
      listings: 'Listings',
      matched: 'Matched',
      deals: 'Deals',
      nda: 'NDA signed',
      won: 'Won',
    } as Record<string, string>,
  },
} satisfies Record<Lang, unknown>;

const provinceLabel = (code: string) => getProvince(code)?.name ?? code;

/** "2026-03" → "03/2026" (as Vietnamese write a month) or "Mar 2026". */
function monthLabel(key: string, lang: Lang): string {
  const [year, month] = key.split('-').map(Number);
  if (!year || !month) return key;
  if (lang === 'vi') return `${String(month).padStart(2, '0')}/${year}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * The lines above the table: what the file covers (the provinces in scope),
 * the filters applied and when it was made.
 */
export function statsPreamble(stats: StatsDto, query: Omit<StatsQuery, 'scope'>, lang: Lang, now: Date): Cell[][] {
  const w = words[lang];
  const scope = stats.scope.provinces === 'all' ? w.national : stats.scope.provinces.map(provinceLabel).join(', ');
  const filters = [
    query.sector ? `${w.sector}: ${labelOf(sectors, query.sector, lang)}` : null,
    query.province ? `${w.province}: ${provinceLabel(query.province)}` : null,
    query.from ? `${w.from}: ${query.from}` : null,
    query.to ? `${w.to}: ${query.to}` : null,
  ].filter(Boolean);
  return [
    [w.title],
    [w.scope, scope],
    [w.filters, filters.length ? filters.join('; ') : w.noFilters],
    [w.exportedAt, exportTime(now)],
    [],
  ];
}

/** The statistics as a table with human names (sectors, provinces, stages…) in the viewer's language. */
export function statsRows(stats: StatsDto, lang: Lang): Cell[][] {
  const w = words[lang];
  const s = w.sections;
  const rows: Cell[][] = [w.header];
  const add = (section: string, m: Record<string, number>, label: (key: string) => string) => {
    for (const [k, v] of Object.entries(m)) rows.push([section, label(k), v, null]);
  };
  const addValues = (
    section: string,
    m: Record<string, { count: number; valueVnd: number }>,
    label: (key: string) => string,
  ) => {
    for (const [k, v] of Object.entries(m)) rows.push([section, label(k), v.count, v.valueVnd]);
  };
  add(s.byType, stats.listings.byType, (k) => w.types[k] ?? k);
  add(s.bySector, stats.listings.bySector, (k) => labelOf(sectors, k, lang));
  add(s.byProvince, stats.listings.byProvince, provinceLabel);
  add(s.byTrl, stats.listings.byTrl, (k) => `TRL ${k}`);
  add(s.byMonth, stats.listings.byMonth, (k) => monthLabel(k, lang));
  rows.push([s.matches, w.total, stats.matches.total, null]);
  add(s.feedback, stats.matches.feedback, (k) => w.reasons[k] ?? k);
  add(s.byStage, stats.deals.byStage, (k) => w.stages[k] ?? k);
  add(s.funnel, stats.funnel as unknown as Record<string, number>, (k) => w.funnel[k] ?? k);
  rows.push([s.outcomes, w.total, stats.outcomes.count, stats.outcomes.valueVnd]);
  addValues(s.byContractType, stats.outcomes.byContractType, (k) => labelOf(transferModes, k, lang));
  addValues(s.outcomeSector, stats.outcomes.bySector, (k) => labelOf(sectors, k, lang));
  addValues(s.outcomeProvince, stats.outcomes.byProvince, provinceLabel);
  rows.push([s.firstContact, w.median, stats.timeToFirstContact.medianDays, null]);
  rows.push([s.firstContact, w.mean, stats.timeToFirstContact.meanDays, null]);
  return rows;
}
