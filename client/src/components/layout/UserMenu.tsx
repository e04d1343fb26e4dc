import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { initials } from '../../lib/initials';
import { useDisclosure } from '../../lib/useDisclosure';
import { Spinner } from '../ui';

/** Avatar button opening a small menu with the account link and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, organization, logout } = useAuth();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { open, close, toggle } = useDisclosure(container, toggleRef);
  const [signingOut, setSigningOut] = useState(false);

  if (!user) return null;

  async function signOut() {
    setSigningOut(true);
    await logout();
    setSigningOut(false);
    close();
    navigate('/', { replace: true });
  }

  return (
    <div className="user-menu" ref={container}>
      <button
        ref={toggleRef}
        type="button"
        className="user-menu__toggle"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={toggle}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu__name" title={user.name}>
          {user.name}
        </span>
        <span className="visually-hidden">{t('userMenu.toggleSuffix')}</span>
        <svg className="user-menu__chevron" viewBox="0 0 20 20" aria-hidden="true">
          <path fill="currentColor" d="M5.2 7.5 10 12.3l4.8-4.8 1.2 1.2-6 6-6-6z" />
        </svg>
      </button>
      <div className="user-menu__panel" id="user-menu-panel" hidden={!open}>
        <div className="user-menu__who">
          <span className="user-menu__caption">{t('userMenu.signedInAs')}</span>
          <span className="user-menu__email" title={user.email}>
            {user.email}
          </span>
          {organization && <span className="user-menu__org">{organization.name}</span>}
        </div>
        <ul className="user-menu__list">
          <li>
            <Link className="user-menu__item" to="/app" onClick={close}>
              {t('userMenu.account')}
            </Link>
          </li>
          <li>
            <button type="button" className="user-menu__item" onClick={signOut} disabled={signingOut}>
              {signingOut && <Spinner size="sm" />}
              {signingOut ? t('userMenu.signingOut') : t('userMenu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
