import { type ListingDto, labelOf, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, CardHeader } from '../../components/ui';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { VerifiedBadge } from '../account/OrganizationCard';

/** Who published the listing, with a link to the organisation's public profile. */
export function OrganizationSummary({ organization }: { organization: ListingDto['organization'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card as="section" aria-labelledby="listing-org-title" className="org-summary">
      <CardHeader id="listing-org-title" title={t('listing.organization')} />
      <p className="org-summary__name">
        <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
      </p>
      <p className="org-summary__meta">
        <span>{labelOf(organizationTypes, organization.type, lang).split(' (')[0]}</span>
        <span lang="vi">{provinceName(organization.province)}</span>
      </p>
      <VerifiedBadge verified={organization.verified} />
      <Link className="org-summary__more" to={`/organizations/${organization.id}`}>
        {t('listing.viewOrganization')}
      </Link>
    </Card>
  );
}
