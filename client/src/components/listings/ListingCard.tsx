import { labelOf, type SearchHit, sectors } from '@techbridge/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { BookmarkToggle } from '../bookmarks/BookmarkToggle';
import { Skeleton } from '../ui';
import { Highlight } from './Highlight';
import { LangBadge, TrlBadge, TypeBadge } from './ListingBadges';

export function listingHref(type: SearchHit['type'], id: string): string {
  return `/${type === 'offer' ? 'offers' : 'demands'}/${id}`;
}

export interface ListingCardProps {
  hit: SearchHit;
  headingLevel?: 2 | 3;
  /** Hide the organisation line (on the organisation's own profile). */
  hideOrganization?: boolean;
  /** What the card's footer offers; by default the "Lưu" toggle, `null` for nothing. */
  actions?: ReactNode;
}

/** One search hit: type, highlighted title and summary, organisation, place, TRL and sectors. */
export function ListingCard({ hit, headingLevel = 3, hideOrganization = false, actions }: ListingCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <article className={hit.image ? 'listing-card listing-card--with-image' : 'listing-card'}>
      {hit.image && (
        // Thumbnails are 400 px wide; the frame crops them to 3:2, so the card never jumps when one arrives.
        <img
          className="listing-card__image"
          src={hit.image}
          alt={hit.title}
          width={400}
          height={267}
          loading="lazy"
          decoding="async"
        />
      )}
      <div className="listing-card__badges">
        <TypeBadge type={hit.type} />
        {hit.trl !== null && <TrlBadge trl={hit.trl} min={hit.type === 'demand'} />}
        <LangBadge lang={hit.lang} />
      </div>
      <Heading className="listing-card__title" lang={hit.lang}>
        <Link to={listingHref(hit.type, hit.id)} className="listing-card__link">
          <Highlight html={hit.highlight.title} />
        </Link>
      </Heading>
      <p className="listing-card__summary" lang={hit.lang}>
        <Highlight html={hit.highlight.summary} />
      </p>
      <p className="listing-card__meta">
        {!hideOrganization && (
          <Link to={`/organizations/${hit.organization.id}`} className="listing-card__org">
            {hit.organization.name}
          </Link>
        )}
        <span lang="vi">{provinceName(hit.province)}</span>
        {hit.publishedAt && (
          <span>
            <span className="visually-hidden">{t('listing.publishedAt')} </span>
            {formatDate(hit.publishedAt, lang)}
          </span>
        )}
      </p>
      {hit.sectors.length > 0 && (
        <ul className="tag-list" aria-label={t('listing.fields.sectors')}>
          {hit.sectors.map((code) => (
            <li key={code} className="tag">
              {labelOf(sectors, code, lang)}
            </li>
          ))}
        </ul>
      )}
      {actions !== null && (
        <div className="listing-card__actions">
          {actions ?? <BookmarkToggle type={hit.type} listingId={hit.id} title={hit.title} />}
        </div>
      )}
    </article>
  );
}

export function ListingCardSkeleton() {
  return (
    <div className="listing-card listing-card--skeleton" aria-hidden="true">
      <Skeleton width="6rem" />
      <Skeleton variant="title" width="80%" />
      <Skeleton width="100%" />
      <Skeleton width="65%" />
      <Skeleton width="40%" />
    </div>
  );
}
