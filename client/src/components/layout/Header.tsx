import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { canSeeStats } from '../../auth/RequireStatsAccess';
import { useAuth } from '../../auth/useAuth';
import { useDisclosure } from '../../lib/useDisclosure';
import { NotificationBell } from '../notifications/NotificationBell';
import { ButtonLink } from '../ui';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { UserMenu } from './UserMenu';

function navClass({ isActive }: { isActive: boolean }) {
  return `site-nav__link${isActive ? ' is-active' : ''}`;
}

export function Header() {
  const { t } = useTranslation();
  const { status, user, organization } = useAuth();
  const location = useLocation();
  const headerRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const menu = useDisclosure(headerRef, toggleRef);
  const { close } = menu;
  const place = `${location.pathname}${location.hash}`;
  const lastPlace = useRef(place);

  // Collapse the phone menu whenever the user navigates.
  useEffect(() => {
    if (lastPlace.current === place) return;
    lastPlace.current = place;
    close();
  }, [place, close]);

  return (
    <header className={`site-header${status === 'authenticated' ? ' site-header--app' : ''}`} ref={headerRef}>
      <div className="container site-header__bar">
        <Logo />
        {status === 'authenticated' && (
          <div className="site-header__bell">
            <NotificationBell />
          </div>
        )}
        <button
          ref={toggleRef}
          type="button"
          className="site-header__toggle"
          aria-expanded={menu.open}
          aria-controls="site-header-panel"
          onClick={menu.toggle}
        >
          <span className="visually-hidden">{menu.open ? t('a11y.closeMenu') : t('a11y.openMenu')}</span>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            {menu.open ? (
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            ) : (
              <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            )}
          </svg>
        </button>
        <div className="site-header__panel" id="site-header-panel" data-open={menu.open}>
          <nav className="site-nav" aria-label={t('a11y.mainNav')}>
            <ul className="site-nav__list">
              <li>
                <NavLink to="/" end className={navClass}>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/search" className={navClass}>
                  {t('nav.search')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/events" className={navClass}>
                  {t('nav.events')}
                </NavLink>
              </li>
              {/* Signed-in users get app links instead of the landing-page anchors (still in the footer). */}
              {status !== 'authenticated' && (
                <>
                  <li>
                    <Link to="/#audiences" className="site-nav__link">
                      {t('nav.audiences')}
                    </Link>
                  </li>
                  <li>
                    <Link to="/#how-it-works" className="site-nav__link">
                      {t('nav.howItWorks')}
                    </Link>
                  </li>
                </>
              )}
              {status === 'authenticated' && (
                <>
                  <li>
                    <NavLink to="/app" className={navClass}>
                      {t('nav.dashboard')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/saved" className={navClass}>
                      {t('bookmarks.navLabel')}
                    </NavLink>
                  </li>
                  {/* Matches and deals belong to an organisation (platform administrators have none). */}
                  {organization && (
                    <>
                      <li>
                        <NavLink to="/matches" className={navClass}>
                          {t('nav.matches')}
                        </NavLink>
                      </li>
                      <li>
                        <NavLink to="/deals" className={navClass}>
                          {t('nav.deals')}
                        </NavLink>
                      </li>
                    </>
                  )}
                </>
              )}
              {status === 'authenticated' && organization?.type === 'intermediary' && (
                <li>
                  <NavLink to="/broker" className={navClass}>
                    {t('nav.broker')}
                  </NavLink>
                </li>
              )}
              {status === 'authenticated' && canSeeStats(user?.role, organization?.type) && (
                <li>
                  <NavLink to="/stats" className={navClass}>
                    {t('nav.stats')}
                  </NavLink>
                </li>
              )}
              {status === 'authenticated' && user?.role === 'admin' && (
                <li>
                  <NavLink to="/admin" className={navClass}>
                    {t('nav.admin')}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="site-header__actions">
            <LanguageSwitch />
            {status === 'loading' && <span className="site-header__placeholder" aria-hidden="true" />}
            {status === 'anonymous' && (
              <>
                <ButtonLink to="/login" variant="ghost" size="sm">
                  {t('nav.signIn')}
                </ButtonLink>
                <ButtonLink to="/register" variant="primary" size="sm">
                  {t('nav.signUp')}
                </ButtonLink>
              </>
            )}
            {status === 'authenticated' && <UserMenu />}
          </div>
        </div>
      </div>
    </header>
  );
}
