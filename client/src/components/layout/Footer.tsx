import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { Logo } from './Logo';

export function Footer() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const year = new Date().getFullYear();

  return (
    <footer className="site-footer on-dark">
      <div className="container site-footer__grid">
        <div className="site-footer__brand">
          <Logo onDark />
          <p className="site-footer__about">{t('footer.about')}</p>
        </div>
        <nav className="site-footer__nav" aria-label={t('a11y.footerNav')}>
          <div>
            <h2 className="site-footer__heading">{t('footer.platform')}</h2>
            <ul>
              <li>
                <Link to="/search">{t('nav.search')}</Link>
              </li>
              <li>
                <Link to="/#audiences">{t('nav.audiences')}</Link>
              </li>
              <li>
                <Link to="/#how-it-works">{t('nav.howItWorks')}</Link>
              </li>
              <li>
                <Link to="/#sectors">{t('nav.sectors')}</Link>
              </li>
            </ul>
          </div>
          <div>
            <h2 className="site-footer__heading">{t('footer.account')}</h2>
            <ul>
              {status === 'authenticated' ? (
                <li>
                  <Link to="/app">{t('nav.dashboard')}</Link>
                </li>
              ) : (
                <>
                  <li>
                    <Link to="/login">{t('nav.signIn')}</Link>
                  </li>
                  <li>
                    <Link to="/register">{t('nav.signUp')}</Link>
                  </li>
                </>
              )}
            </ul>
          </div>
        </nav>
      </div>
      <div className="container site-footer__bottom">
        <p>{t('footer.copyright', { year })}</p>
      </div>
    </footer>
  );
}
