import type { Lang } from '@techbridge/shared';

export const supportedLangs = ['vi', 'en'] as const satisfies readonly Lang[];
export const defaultLang: Lang = 'vi';
export const langStorageKey = 'tb.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (supportedLangs as readonly string[]).includes(value);
}

/** Narrows any i18next language tag ("en-US", "vi") to a supported UI language. */
export function toLang(tag: string | undefined): Lang {
  const base = tag?.toLowerCase().split('-')[0];
  return isLang(base) ? base : defaultLang;
}

export function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(langStorageKey);
    return isLang(stored) ? stored : defaultLang;
  } catch {
    return defaultLang;
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(langStorageKey, lang);
  } catch {
    // Storage may be unavailable (private mode, quota); the choice then lasts for this visit.
  }
  // The server pre-renders public pages in this language (see server/src/modules/seo/pages.ts).
  // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie.
  document.cookie = `${langStorageKey}=${lang}; path=/; max-age=31536000; samesite=lax`;
}
