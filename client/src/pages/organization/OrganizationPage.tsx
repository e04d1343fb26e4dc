import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { labelOf, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { getOrganization, searchListings } from '../../api/search';
import { LoadFailed } from '../../components/LoadFailed';
import { HitList } from '../../components/listings/HitList';
import { ButtonLink, EmptyState, PageLoader, Pagination } from '../../components/ui';
import { formatDate, formatNumber } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { VerifiedBadge } from '../account/OrganizationCard';

const PAGE_SIZE = 10;

/** /organizations/:id — who they are and what they have published. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const page = Math.max(1, Math.min(1000, Number.parseInt(params.get('page') ?? '1', 10) || 1));
  const org = useQuery({ queryKey: queryKeys.organization(id), queryFn: ({ signal }) => getOrganization(id, signal) });
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

  return (
    <div className="container page">
      <header className="org-hero">
        <span className="avatar avatar--lg" aria-hidden="true">
          {profile.name.charAt(0).toLocaleUpperCase('vi')}
        </span>
        <div className="org-hero__text">
          <p className="eyebrow">{labelOf(organizationTypes, profile.type, lang).split(' (')[0]}</p>
          <h1 className="page-header__title">{profile.name}</h1>
          <p className="page-header__subtitle">
            <span lang="vi">{provinceName(profile.province)}</span>
            <span aria-hidden="true">·</span>
            <span>{t('organization.memberSince', { date: formatDate(profile.createdAt, lang) })}</span>
            <VerifiedBadge verified={profile.verified} />
          </p>
        </div>
        <dl className="org-stats">
          <div className="org-stats__item">
            <dt>{t('organization.stats.offers')}</dt>
            <dd>{formatNumber(profile.stats.offers, lang)}</dd>
          </div>
          <div className="org-stats__item">
            <dt>{t('organization.stats.demands')}</dt>
            <dd>{formatNumber(profile.stats.demands, lang)}</dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="org-listings-title" className="dashboard-section">
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
  );
}
