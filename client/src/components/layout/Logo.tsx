import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The bridge mark: two pylons, a deck and a suspension arc. */
export function LogoMark({ size = 36 }: { size?: number }) {
  return (
    <svg className="logo__mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--color-brand)" />
      <path
        d="M5 21h22M8 21v-5M24 21v-5M5 16c4-6 18-6 22 0"
        fill="none"
        stroke="var(--color-brand-accent)"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M12 21v-4.5M16 21v-5.5M20 21v-4.5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function Logo({ onDark = false }: { onDark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={`logo${onDark ? ' logo--on-dark' : ''}`}>
      <LogoMark />
      <span className="logo__text">
        <span className="logo__name">{t('brand.name')}</span>
        <span className="logo__tagline" lang="vi">
          {t('brand.tagline')}
        </span>
      </span>
    </Link>
  );
}
