import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import { defaultLang, readStoredLang, storeLang, supportedLangs, toLang } from './lang';
import vi from './vi.json';

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

function applyLang(tag: string): void {
  const lang = toLang(tag);
  document.documentElement.lang = lang;
  storeLang(lang);
}

i18n.on('languageChanged', applyLang);

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLang(),
  fallbackLng: defaultLang,
  supportedLngs: [...supportedLangs],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

applyLang(i18n.language);

/** The current UI language, for code outside React (e.g. the API layer). */
export function currentLang() {
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;
