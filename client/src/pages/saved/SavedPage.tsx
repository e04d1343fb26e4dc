import type { ListingType } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listingToHit } from '../../components/bookmarks/listingHit';
import { type SavedEntry, useBookmarkList, useBookmarkToggle } from '../../components/bookmarks/useBookmarks';
import { LoadFailed } from '../../components/LoadFailed';
import { ListingCard, ListingCardSkeleton } from '../../components/listings/ListingCard';
import { Alert, Button, ButtonLink, EmptyState } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';

const sections: { type: ListingType; key: 'offers' | 'demands' }[] = [
  { type: 'offer', key: 'offers' },
  { type: 'demand', key: 'demands' },
];

/** /saved ("Đã lưu"): the offers and demands I saved to come back to, each with a way to remove it. */
export function SavedPage() {
  const { t } = useTranslation();
  usePageTitle(t('bookmarks.title'));
  const list = useBookmarkList();
  const toggle = useBookmarkToggle();
  const [removed, setRemoved] = useState<SavedEntry | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  function remove(entry: SavedEntry) {
    setFailed(null);
    setRemoved(entry);
    toggle.mutate(
      { type: entry.type, listingId: entry.listingId, save: false },
      {
        onError: () => {
          setRemoved(null);
          setFailed(entry.listing?.title ?? entry.listingId);
        },
      },
    );
  }

  function undo() {
    if (!removed) return;
    toggle.mutate({
      type: removed.type,
      listingId: removed.listingId,
      save: true,
      listing: removed.listing ?? undefined,
    });
    setRemoved(null);
  }

  const entries = list.data?.data.filter((entry) => entry.listing) ?? [];

  return (
    <div className="container page saved-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('bookmarks.title')}</h1>
          <p className="page-header__subtitle">{t('bookmarks.subtitle')}</p>
        </div>
      </header>
      <div aria-live="polite">
        {removed && (
          <Alert tone="info">
            <span>{t('bookmarks.removed', { title: removed.listing?.title ?? '' })}</span>{' '}
            <Button variant="ghost" size="sm" onClick={undo}>
              {t('bookmarks.undo')}
            </Button>
          </Alert>
        )}
      </div>
      {failed && <Alert tone="error">{t('bookmarks.removeFailedNamed', { title: failed })}</Alert>}
      {list.isPending ? (
        <div className="hit-list hit-list--list">
          <p className="visually-hidden" role="status">
            {t('common.loading')}
          </p>
          <ListingCardSkeleton />
          <ListingCardSkeleton />
        </div>
      ) : list.isError && !list.data ? (
        <LoadFailed title={t('bookmarks.loadFailed')} error={list.error} retry={() => void list.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState
          title={t('bookmarks.empty.title')}
          actions={<ButtonLink to="/search">{t('bookmarks.empty.search')}</ButtonLink>}
        >
          <p>{t('bookmarks.empty.body')}</p>
        </EmptyState>
      ) : (
        sections.map(({ type, key }) => {
          const ofType = entries.filter((entry) => entry.type === type);
          if (ofType.length === 0) return null;
          return (
            <section key={type} className="dashboard-section" aria-labelledby={`saved-${key}`}>
              <h2 className="section-title" id={`saved-${key}`}>
                {t(`bookmarks.sections.${key}`, { count: ofType.length })}
              </h2>
              <ul className="hit-list hit-list--list">
                {ofType.map((entry) =>
                  entry.listing ? (
                    <li key={entry.listingId}>
                      <ListingCard
                        hit={listingToHit(entry.listing)}
                        actions={
                          <Button
                            variant="secondary"
                            size="sm"
                            aria-label={`${t('bookmarks.remove')}: ${entry.listing.title}`}
                            onClick={() => remove(entry)}
                          >
                            {t('bookmarks.remove')}
                          </Button>
                        }
                      />
                    </li>
                  ) : null,
                )}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
