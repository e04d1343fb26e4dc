import { sectors } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, EmptyState } from '../../components/ui';
import { useLang } from '../../lib/useLang';

const suggestedSectors = ['aquaculture', 'crops', 'food_processing', 'environment', 'software'];

export interface SearchEmptyProps {
  q: string;
  filtered: boolean;
  onClearFilters: () => void;
  /** The page is past the last page of a non-empty result. */
  pastEnd?: { firstPageHref: string };
}

/** No results: say so, and offer ways forward. */
export function SearchEmpty({ q, filtered, onClearFilters, pastEnd }: SearchEmptyProps) {
  const { t } = useTranslation();
  const lang = useLang();

  if (pastEnd) {
    return (
      <EmptyState icon="search" title={t('search.empty.pastEnd')}>
        <Link to={pastEnd.firstPageHref}>{t('search.empty.firstPage')}</Link>
      </EmptyState>
    );
  }

  return (
    <EmptyState
      icon="search"
      title={q ? t('search.empty.titleQuery', { q }) : t('search.empty.title')}
      actions={
        filtered && (
          <Button variant="secondary" onClick={onClearFilters}>
            {t('search.filters.clearAll')}
          </Button>
        )
      }
    >
      <p>{t('search.empty.suggestionsIntro')}</p>
      <ul className="empty-state__list">
        {q && <li>{t('search.empty.tipSpelling')}</li>}
        {q && <li>{t('search.empty.tipFewerWords')}</li>}
        {filtered && <li>{t('search.empty.tipFilters')}</li>}
        <li>
          {t('search.empty.tipSectors')}{' '}
          {suggestedSectors.map((code, i) => (
            <span key={code}>
              {i > 0 && ', '}
              <Link to={`/search?sector=${code}`}>{sectors.find((s) => s.code === code)?.[lang] ?? code}</Link>
            </span>
          ))}
        </li>
      </ul>
    </EmptyState>
  );
}
