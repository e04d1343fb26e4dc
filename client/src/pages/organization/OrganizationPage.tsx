import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { labelOf, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { getOrganization } from '../../api/organizations';
import { queryKeys } from '../../api/queryKeys';
import { searchListings } from '../../api/search';
import { useAuth } from '../../auth/useAuth';
import { LoadFailed } from '../../components/LoadFailed';
import { HitList } from '../../components/listings/HitList';
import { ButtonLink, EmptyState, PageLoader, Pagination } from '../../components/ui';
import { formatNumber } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { VerifiedBadge } from '../account/OrganizationCard';
import { OrganizationAbout } from './OrganizationAbout';
import { OrganizationContact } from './OrganizationContact';
import { OrganizationLogo } from './OrganizationLogo';
import { ProfileCompleteness } from './ProfileCompleteness';

const PAGE_SIZE = 10;

/** A website's address without the scheme, as people write it. */
function websiteText(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** /organizations/:id — who they are, what they know, how to reach them and what they have published. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const [params] = useSearchParams();
  const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  // What the server says depends on who asks (contact details, the completeness hint): one entry per viewer.
  const org = useQuery({
    queryKey: [...queryKeys.organization(id), user?.id ?? 'anonymous'],
    queryFn: ({ signal }) => getOrganization(id, signal),
  });
  const listingsQuery = new URLSearchParams({
    org: id,
    sort: 'newest',
    page: String(page),
    limit: String(PAGE_SIZE),
  }).toString();
  const listings = useQuery({
    queryKey: queryKeys.search(listingsQuery),
    queryFn: ({ signal }) => searchListings(listingsQuery, signal),
    placeholderData: keepPreviousData,
    enabled: org.isSuccess,
  });
  usePageTitle(org.data?.data.name ?? t('organization.title'));

  if (org.isPending) return <PageLoader />;
  if (org.isError) {
    const missing = isApiError(org.error) && [400, 404].includes(org.error.status);
    return (
      <div className="container page">
        {missing ? (
          <EmptyState
            icon="search"
            title={t('organization.notFound')}
            actions={<ButtonLink to="/search">{t('listing.notFound.search')}</ButtonLink>}
          />
        ) : (
          <LoadFailed title={t('organization.loadFailed')} error={org.error} retry={() => void org.refetch()} />
        )}
      </div>
    );
  }

  const profile = org.data.data;
  const total = listings.data?.total ?? 0;
  const member = user?.organizationId === profile.id;
  const canEdit = member && (user?.orgRole === 'owner' || user?.orgRole === 'admin');
  const stats = [
    { key: 'offers', value: profile.stats.offers },
    { key: 'demands', value: profile.stats.demands },
    { key: 'completedDeals', value: profile.stats.completedDeals },
  ] as const;

  return (
    <div className="container page org-page">
      <header className="org-hero">
        <OrganizationLogo name={profile.name} logoUrl={profile.logoUrl} />
        <div className="org-hero__text">
          <p className="eyebrow">{labelOf(organizationTypes, profile.type, lang).split(' (')[0]}</p>
          <h1 className="page-header__title org-hero__name">{profile.name}</h1>
          <ul className="org-hero__facts">
            <li>
              <VerifiedBadge verified={profile.verified} />
            </li>
            <li lang="vi">{provinceName(profile.province)}</li>
            {profile.foundedYear !== null && (
              <li>{t('orgProfile.foundedIn', { year: String(profile.foundedYear) })}</li>
            )}
            {profile.size !== null && <li>{t('orgProfile.sizeOf', { size: t(`orgProfile.size.${profile.size}`) })}</li>}
            {profile.website && (
              <li>
                <a
                  href={profile.website}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                  className="org-hero__website"
                >
                  {websiteText(profile.website)}
                  <span className="visually-hidden"> ({t('orgProfile.newWindow')})</span>
                </a>
              </li>
            )}
          </ul>
        </div>
        {canEdit && (
          <ButtonLink to="/organization/profile" variant="secondary" size="sm" className="org-hero__edit">
            {t('orgProfile.edit')}
          </ButtonLink>
        )}
        <dl className="org-stats">
          {stats.map((stat) => (
            <div className="org-stats__item" key={stat.key}>
              <dt>{t(`orgProfile.stats.${stat.key}`)}</dt>
              <dd>{formatNumber(stat.value, lang)}</dd>
            </div>
          ))}
        </dl>
      </header>

      <div className={`org-layout${profile.completeness ? '' : ' org-layout--no-hint'}`}>
        {profile.completeness && (
          <div className="org-layout__hint">
            <ProfileCompleteness
              percent={profile.completeness.percent}
              missing={profile.completeness.missing}
              action={canEdit ? 'edit' : 'ask'}
            />
          </div>
        )}
        <div className="org-layout__about">
          <OrganizationAbout profile={profile} />
        </div>
        <aside className="org-layout__aside" aria-label={t('orgProfile.asideLabel')}>
          <OrganizationContact contact={profile.contact} />
        </aside>
        <section aria-labelledby="org-listings-title" className="dashboard-section org-layout__listings">
          <h2 className="section-title" id="org-listings-title">
            {t('organization.listings')}
          </h2>
          <HitList
            hits={listings.data?.hits}
            loading={listings.isPending}
            error={listings.error}
            onRetry={() => void listings.refetch()}
            stale={listings.isPlaceholderData}
            hideOrganization
            empty={<EmptyState title={t('organization.noListings')} />}
          />
          <Pagination
            page={page}
            totalPages={Math.ceil(total / PAGE_SIZE)}
            hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
            label={t('pagination.label')}
          />
        </section>
      </div>
    </div>
  );
}
