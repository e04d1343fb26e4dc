import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PaginationProps {
  page: number;
  totalPages: number;
  /** The link target for a page, e.g. "?q=tôm&page=3". */
  hrefFor: (page: number) => string;
  label: string;
}

/** Page numbers around the current one, plus first and last, with gaps as "…". */
function pageWindow(page: number, total: number): (number | 'gap')[] {
  const pages = new Set([1, total, page - 1, page, page + 1].filter((p) => p >= 1 && p <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && p - prev > 1) out.push(p - prev === 2 ? prev + 1 : 'gap');
    out.push(p);
  }
  return out;
}

export function Pagination({ page, totalPages, hrefFor, label }: PaginationProps) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  const items = pageWindow(page, totalPages);

  return (
    <nav className="pagination" aria-label={label}>
      <ul className="pagination__list">
        <li>
          {page > 1 ? (
            <Link className="pagination__link" to={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t('pagination.previous')}
            </Link>
          ) : (
            <span className="pagination__link is-disabled" aria-hidden="true">
              ‹ {t('pagination.previous')}
            </span>
          )}
        </li>
        {items.map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${items[index - 1]}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                className={`pagination__link pagination__page${item === page ? ' is-current' : ''}`}
                to={hrefFor(item)}
                aria-current={item === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: item })}
              >
                {item}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < totalPages ? (
            <Link className="pagination__link" to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : (
            <span className="pagination__link is-disabled" aria-hidden="true">
              {t('pagination.next')} ›
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
