import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui';

export interface AuthLayoutProps {
  title: string;
  subtitle: string;
  footer: ReactNode;
  children: ReactNode;
}

/** Two-column frame for sign-in and sign-up: the form card and a short reminder of what TechBridge offers. */
export function AuthLayout({ title, subtitle, footer, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="auth container">
      <Card as="section" className="auth__card" aria-labelledby="auth-title">
        <h1 className="auth__title" id="auth-title">
          {title}
        </h1>
        <p className="auth__subtitle">{subtitle}</p>
        {children}
        <p className="auth__switch">{footer}</p>
      </Card>
      <aside className="auth__aside on-dark" aria-labelledby="auth-aside-title">
        <h2 className="auth__aside-title" id="auth-aside-title">
          {t('auth.asideTitle')}
        </h2>
        <ul className="checklist checklist--on-dark">
          <li>{t('auth.asidePoint1')}</li>
          <li>{t('auth.asidePoint2')}</li>
          <li>{t('auth.asidePoint3')}</li>
        </ul>
      </aside>
    </div>
  );
}
