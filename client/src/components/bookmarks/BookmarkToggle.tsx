import type { ListingDto, ListingType } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { buttonClass } from '../ui';
import { useBookmarkList, useBookmarkToggle } from './useBookmarks';

export interface BookmarkToggleProps {
  type: ListingType;
  listingId: string;
  /** Names the listing for screen readers where several toggles share a page (cards). */
  title?: string;
  listing?: ListingDto;
  size?: 'sm' | 'md';
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" className="bookmark-toggle__icon">
      <path
        d="M5 3h10v14l-5-3.5L5 17V3Z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * "Lưu" / "Đã lưu": saves a listing to come back to (aria-pressed tells the
 * state). Signed out, a link to sign in that returns to this page.
 */
export function BookmarkToggle({ type, listingId, title, listing, size = 'sm' }: BookmarkToggleProps) {
  const { t } = useTranslation();
  const { status } = useAuth();
  const location = useLocation();
  const list = useBookmarkList();
  const toggle = useBookmarkToggle();
  const [failed, setFailed] = useState<'save' | 'remove' | null>(null);
  const name = (label: string) => (title ? `${label}: ${title}` : undefined);
  const className = buttonClass({ variant: 'secondary', size }, 'bookmark-toggle');

  if (status === 'loading') return null;
  if (status !== 'authenticated') {
    return (
      <Link
        to="/login"
        state={{ from: { pathname: location.pathname, search: location.search, hash: location.hash } }}
        className={className}
        title={t('bookmarks.signInToSave')}
        aria-label={`${name(t('bookmarks.save')) ?? t('bookmarks.save')} (${t('bookmarks.signInToSave')})`}
      >
        <BookmarkIcon filled={false} />
        <span>{t('bookmarks.save')}</span>
      </Link>
    );
  }

  const saved = list.data?.data.some((entry) => entry.listingId === listingId) ?? false;

  function onClick() {
    const save = !saved;
    setFailed(null);
    toggle.mutate({ type, listingId, save, listing }, { onError: () => setFailed(save ? 'save' : 'remove') });
  }

  return (
    <span className="bookmark-toggle__wrap">
      <button
        type="button"
        className={`${className}${saved ? ' is-saved' : ''}`}
        aria-pressed={saved}
        aria-label={name(saved ? t('bookmarks.saved') : t('bookmarks.save'))}
        disabled={list.isPending}
        onClick={onClick}
      >
        <BookmarkIcon filled={saved} />
        <span>{saved ? t('bookmarks.saved') : t('bookmarks.save')}</span>
      </button>
      {failed && (
        <span className="bookmark-toggle__error" role="alert">
          {t(failed === 'save' ? 'bookmarks.saveFailed' : 'bookmarks.removeFailed')}
        </span>
      )}
    </span>
  );
}
