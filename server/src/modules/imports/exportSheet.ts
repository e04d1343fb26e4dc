import {
  getProvince,
  type Lang,
  type ListingStatus,
  type ListingType,
  labelOf,
  organizationTypes,
} from '@techbridge/shared';
import { exportTime } from '../../platform/files/tables';

type Cell = string | number | null;

/** The words above an export's table, in the reader's language. */
const words = {
  vi: {
    title: { offer: 'TechBridge — Công nghệ chào bán', demand: 'TechBridge — Nhu cầu công nghệ' },
    scope: 'Phạm vi',
    scopeText: (org: string) => `Tin đăng của tổ chức ${org}`,
    filters: 'Bộ lọc',
    noFilters: 'Không lọc (mọi trạng thái)',
    status: 'Trạng thái',
    count: 'Số tin',
    exportedAt: 'Thời điểm xuất',
    statuses: {
      draft: 'Bản nháp',
      pending_review: 'Chờ duyệt',
      published: 'Đã đăng',
      rejected: 'Bị từ chối',
      archived: 'Đã lưu trữ',
    },
  },
  en: {
    title: { offer: 'TechBridge — Technology offers', demand: 'TechBridge — Technology demands' },
    scope: 'Scope',
    scopeText: (org: string) => `Listings of ${org}`,
    filters: 'Filters',
    noFilters: 'None (every status)',
    status: 'Status',
    count: 'Listings',
    exportedAt: 'Exported at',
    statuses: {
      draft: 'Draft',
      pending_review: 'Awaiting review',
      published: 'Published',
      rejected: 'Rejected',
      archived: 'Archived',
    },
  },
} satisfies Record<Lang, { statuses: Record<ListingStatus, string> } & Record<string, unknown>>;

/**
 * The lines above a listings export's table: what it is, whose listings (the
 * organisation, its type and province), the filters, how many and when. The
 * importer skips them (it starts at the row naming the columns).
 */
export function listingsPreamble(
  type: ListingType,
  org: { name: string; type: string; province: string },
  filters: { status?: ListingStatus },
  count: number,
  lang: Lang,
  now: Date,
): Cell[][] {
  const w = words[lang];
  const orgLabel = `${org.name} (${labelOf(organizationTypes, org.type, lang)}, ${getProvince(org.province)?.name ?? org.province})`;
  return [
    [w.title[type]],
    [w.scope, w.scopeText(orgLabel)],
    [w.filters, filters.status ? `${w.status}: ${w.statuses[filters.status]}` : w.noFilters],
    [w.count, count],
    [w.exportedAt, exportTime(now)],
    [],
  ];
}
