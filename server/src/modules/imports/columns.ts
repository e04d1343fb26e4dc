import {
  type DemandInput,
  getProvince,
  ipStatuses,
  ipTypes,
  type LabelledCode,
  type Lang,
  type ListingType,
  labelOf,
  type OfferInput,
  resolveCode,
  resolveProvince,
  sectors,
  transferModes,
} from '@techbridge/shared';
import type { Demand, Offer } from '../listings/model';

/** Spreadsheet columns of offers and demands: the import template, the export, and the round trip between them. */
export const columns: Record<ListingType, string[]> = {
  offer: [
    'ref',
    'title',
    'summary',
    'description',
    'sectors',
    'keywords',
    'trl',
    'province',
    'transferModes',
    'ipType',
    'ipStatus',
    'ipNumber',
    'priceMin',
    'priceMax',
    'negotiable',
    'applications',
    'confidential',
  ],
  demand: [
    'ref',
    'title',
    'problem',
    'requirements',
    'sectors',
    'keywords',
    'province',
    'trlMin',
    'budgetMax',
    'deadline',
    'transferModes',
  ],
};

const list = (v: string | undefined) =>
  v
    ? v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const num = (v: string | undefined): number | string | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(/[\s.,](?=\d{3}\b)/g, ''));
  return Number.isFinite(n) ? n : v;
};
const text = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
const yes = (v: string | undefined) => (v ? /^(1|true|yes|có|co|x)$/i.test(v.trim()) : undefined);
/** Codes, current names and pre-2025 names of provinces are all accepted. */
const province = (v: string | undefined) => (v ? (resolveProvince(v)?.code ?? v) : undefined);
/** Codes and Vietnamese or English names are all accepted (an export writes names); unknown ones stay for the schema to report. */
const coded = (taxonomy: readonly LabelledCode[], v: string | undefined) =>
  v ? (resolveCode(taxonomy, v) ?? v) : undefined;
const codedList = (taxonomy: readonly LabelledCode[], v: string | undefined) =>
  list(v)?.map((item) => coded(taxonomy, item) ?? item);

function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A spreadsheet record as the API's input object (validated afterwards with the shared schema). */
export function rowToInput(type: ListingType, r: Record<string, string>): Record<string, unknown> {
  if (type === 'offer') {
    const price = clean({
      min: num(r.priceMin),
      max: num(r.priceMax),
      currency: 'VND',
      negotiable: yes(r.negotiable) ?? false,
    });
    return clean({
      title: text(r.title),
      summary: text(r.summary),
      description: text(r.description),
      sectors: codedList(sectors, r.sectors) ?? [],
      keywords: list(r.keywords),
      trl: num(r.trl),
      province: province(r.province),
      transferModes: codedList(transferModes, r.transferModes) ?? [],
      ip: clean({ type: coded(ipTypes, r.ipType), status: coded(ipStatuses, r.ipStatus), number: text(r.ipNumber) }),
      price,
      applications: list(r.applications),
      confidential: clean({ details: text(r.confidential) }),
    });
  }
  return clean({
    title: text(r.title),
    problem: text(r.problem),
    requirements: text(r.requirements),
    sectors: codedList(sectors, r.sectors) ?? [],
    keywords: list(r.keywords),
    province: province(r.province),
    trlMin: num(r.trlMin),
    budget: clean({ max: num(r.budgetMax), currency: 'VND' }),
    deadline: text(r.deadline),
    transferModes: codedList(transferModes, r.transferModes) ?? [],
  });
}

/** Maps a schema error path back to the spreadsheet column it came from. */
export function columnOf(path: string): string {
  const [head, sub] = path.split('.');
  if (head === 'ip') return sub === 'type' ? 'ipType' : sub === 'number' ? 'ipNumber' : 'ipStatus';
  if (head === 'price') return sub === 'max' ? 'priceMax' : sub === 'negotiable' ? 'negotiable' : 'priceMin';
  if (head === 'budget') return 'budgetMax';
  if (head === 'confidential') return 'confidential';
  return head;
}

/**
 * A stored listing as a spreadsheet row in the column order above, coded values
 * written as names in the reader's language (the importer reads them back).
 * Exports include confidential details: they are the owner's.
 */
export function listingToRow(type: ListingType, l: Offer | Demand, lang: Lang = 'vi'): (string | number)[] {
  const join = (a: string[] | undefined | null) => (a ?? []).join('; ');
  const names = (taxonomy: readonly LabelledCode[], a: string[] | undefined | null) =>
    join((a ?? []).map((code) => labelOf(taxonomy, code, lang)));
  const name = (taxonomy: readonly LabelledCode[], code: string | undefined | null) =>
    code ? labelOf(taxonomy, code, lang) : '';
  const provinceName = (code: string) => getProvince(code)?.name ?? code;
  if (type === 'offer') {
    const o = l as Offer;
    return [
      o.externalRef ?? '',
      o.title,
      o.summary,
      o.description ?? '',
      names(sectors, o.sectors),
      join(o.keywords),
      o.trl,
      provinceName(o.province),
      names(transferModes, o.transferModes),
      name(ipTypes, o.ip?.type),
      name(ipStatuses, o.ip?.status),
      o.ip?.number ?? '',
      o.price?.min ?? '',
      o.price?.max ?? '',
      o.price?.negotiable ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no',
      join(o.applications),
      o.confidential?.details ?? '',
    ];
  }
  const d = l as Demand;
  return [
    d.externalRef ?? '',
    d.title,
    d.problem,
    d.requirements ?? '',
    names(sectors, d.sectors),
    join(d.keywords),
    provinceName(d.province),
    d.trlMin ?? '',
    d.budget?.max ?? '',
    d.deadline ? new Date(d.deadline).toISOString().slice(0, 10) : '',
    names(transferModes, d.transferModes),
  ];
}

export const templateRows: Record<ListingType, (string | number)[]> = {
  offer: [
    'VTS-2026-001',
    'Quy trình nuôi tôm thẻ chân trắng tuần hoàn (RAS)',
    'Giảm 70% lượng nước thay, năng suất 30 tấn/ha/vụ.',
    'Mô tả chi tiết công nghệ…',
    'aquaculture',
    'tôm thẻ; RAS',
    7,
    'Cần Thơ',
    'license_non_exclusive; consulting_training',
    'patent',
    'granted',
    '1-0012345',
    500000000,
    1200000000,
    'yes',
    'Trang trại tôm quy mô vừa',
    'Chi tiết bí mật (chỉ hiển thị sau NDA)',
  ],
  demand: [
    'DN-2026-001',
    'Cần công nghệ xử lý nước thải chế biến thủy sản',
    'Nhà máy cần xử lý 500 m3/ngày đạt QCVN 11.',
    'Chi phí vận hành thấp',
    'environment; aquaculture',
    'nước thải',
    'An Giang',
    6,
    2000000000,
    '2027-06-30',
    'turnkey',
  ],
};

export type ImportInput = OfferInput | DemandInput;
