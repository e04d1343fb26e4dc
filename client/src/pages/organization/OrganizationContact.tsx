import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { OrganizationProfile } from '../../api/organizations';
import { useAuth } from '../../auth/useAuth';
import { Card, CardHeader } from '../../components/ui';

/** The contact person; e-mail and phone come only for signed-in users, so others are asked to sign in. */
export function OrganizationContact({ contact }: { contact: OrganizationProfile['contact'] }) {
  const { t } = useTranslation();
  const { status } = useAuth();
  const location = useLocation();
  return (
    <Card as="section" aria-labelledby="org-contact-title" className="org-contact">
      <CardHeader id="org-contact-title" title={t('orgProfile.contact.title')} level={2} />
      {contact ? (
        <dl className="org-contact__list">
          <div>
            <dt className="visually-hidden">{t('orgProfile.contact.name')}</dt>
            <dd className="org-contact__name">{contact.name}</dd>
          </div>
          {contact.title && (
            <div>
              <dt className="visually-hidden">{t('orgProfile.contact.role')}</dt>
              <dd className="muted">{contact.title}</dd>
            </div>
          )}
          {contact.email && (
            <div>
              <dt>{t('orgProfile.contact.email')}</dt>
              <dd>
                <a href={`mailto:${contact.email}`} className="org-contact__value">
                  {contact.email}
                </a>
              </dd>
            </div>
          )}
          {contact.phone && (
            <div>
              <dt>{t('orgProfile.contact.phone')}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} className="org-contact__value">
                  {contact.phone}
                </a>
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="muted">{t('orgProfile.contact.none')}</p>
      )}
      {contact && status === 'anonymous' && (
        <p className="org-contact__signin">
          <Link
            to="/login"
            state={{ from: { pathname: location.pathname, search: location.search, hash: location.hash } }}
          >
            {t('orgProfile.contact.signIn')}
          </Link>
        </p>
      )}
    </Card>
  );
}
