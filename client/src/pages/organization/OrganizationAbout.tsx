import { labelOf, sectors } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationProfile } from '../../api/organizations';
import { Card, CardHeader } from '../../components/ui';
import { useLang } from '../../lib/useLang';

/** The description, the sectors (each a search for that sector) and the expertise. */
export function OrganizationAbout({ profile }: { profile: OrganizationProfile }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card as="section" aria-labelledby="org-about-title" className="org-about">
      <CardHeader id="org-about-title" title={t('orgProfile.about')} />
      {profile.description ? (
        <p className="prose org-about__description">{profile.description}</p>
      ) : (
        <p className="muted">{t('orgProfile.noDescription')}</p>
      )}
      {profile.sectors.length > 0 && (
        <>
          <h3 className="listing-subtitle" id="org-sectors-title">
            {t('orgProfile.sectors')}
          </h3>
          <ul className="chips org-chips" aria-labelledby="org-sectors-title">
            {profile.sectors.map((code) => (
              <li key={code}>
                <Link className="chip chip--link" to={`/search?${new URLSearchParams({ sector: code })}`}>
                  {labelOf(sectors, code, lang)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {profile.expertise.length > 0 && (
        <>
          <h3 className="listing-subtitle" id="org-expertise-title">
            {t('orgProfile.expertise')}
          </h3>
          <ul className="tag-list" aria-labelledby="org-expertise-title">
            {profile.expertise.map((item) => (
              <li key={item} className="tag">
                {item}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
