import type { Lang } from '@techbridge/shared';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * Formatters are made once per locale and options: creating an Intl
 * formatter costs far more than formatting (a list of cards with dates made
 * one per card, a long task on a phone).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** A date like "25 thg 11, 2025" / "25 Nov 2025"; the raw value if it is not a date. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locales[lang], { dateStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(locales[lang]).format(value);
}

/** A sum of money in Vietnamese notation ("1.200.000.000 ₫"), whatever the UI language. */
export function formatMoney(amount: number, currency = 'VND'): string {
  try {
    return numberFormat('vi-VN', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${numberFormat('vi-VN').format(amount)} ${currency}`;
  }
}

/** "2,4 MB" / "2.4 MB". */
export function formatFileSize(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${numberFormat(locales[lang], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A date and time like "25/11/2025, 14:05" / "25 Nov 2025, 14:05". */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Just the time of day, for chat bubbles ("14:05"). */
export function formatTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locales[lang], { hour: '2-digit', minute: '2-digit' }).format(date);
}
