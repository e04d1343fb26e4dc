import type { Lang } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { toLang } from '../i18n/lang';

/** The current UI language as 'vi' | 'en' (re-renders on change). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}
