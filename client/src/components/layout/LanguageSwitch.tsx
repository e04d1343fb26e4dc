import type { Lang } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { supportedLangs } from '../../i18n/lang';
import { useLang } from '../../lib/useLang';

const shortKey = { vi: 'language.viShort', en: 'language.enShort' } as const;

/** VI | EN toggle; the choice persists (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLang();

  function choose(lang: Lang) {
    if (lang !== current) void i18n.changeLanguage(lang);
  }

  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {supportedLangs.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__option"
          aria-pressed={lang === current}
          lang={lang}
          title={t(`language.${lang}`)}
          onClick={() => choose(lang)}
        >
          <span aria-hidden="true">{t(shortKey[lang])}</span>
          <span className="visually-hidden">{t(`language.${lang}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
