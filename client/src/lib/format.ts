import type { Lang } from '@techbridge/shared';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A date like "25 thg 11, 2025" / "25 Nov 2025"; the raw value if it is not a date. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang]).format(value);
}
