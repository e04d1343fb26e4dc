import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · TechBridge", or the home title when no page is given. */
export function usePageTitle(page?: string) {
  const { t } = useTranslation();
  const title = page ? t('meta.title', { page }) : t('meta.homeTitle');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
