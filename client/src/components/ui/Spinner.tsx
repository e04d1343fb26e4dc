import { useTranslation } from 'react-i18next';

export function Spinner({ size = 'md' }: { size?: 'sm' | 'md' | 'lg' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}

/** A centred spinner with an announced label, for whole-page loading. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <div className="page-loader" role="status">
      <Spinner size="lg" />
      <span className="page-loader__label">{t('common.loading')}</span>
    </div>
  );
}
