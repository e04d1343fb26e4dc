import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLang, readStoredLang, storeLang, supportedLangs, toLang } from './lang';

/**
 * Each language's messages are their own chunk: a visitor downloads only the
 * language shown (the other one loads when chosen in the switch).
 */
const loaders = {
  vi: () => import('./vi.json'),
  en: () => import('./en.json'),
} as const;

const lazyMessages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    loaders[toLang(language)]().then(
      (m) => callback(null, m.default),
      (err: Error) => callback(err, false),
    );
  },
};

function applyLang(tag: string): void {
  const lang = toLang(tag);
  document.documentElement.lang = lang;
  storeLang(lang);
}

i18n.on('languageChanged', applyLang);

/** Resolves once the messages of the visitor's language are loaded (the app renders after it). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyMessages)
  .use(initReactI18next)
  .init({
    lng: readStoredLang(),
    // Both files have the same keys (completeness.ts), so no fallback language needs loading.
    fallbackLng: false,
    supportedLngs: [...supportedLangs],
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
    react: { useSuspense: false },
  });

applyLang(i18n.language ?? defaultLang);

/** The current UI language, for code outside React (e.g. the API layer). */
export function currentLang() {
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;
