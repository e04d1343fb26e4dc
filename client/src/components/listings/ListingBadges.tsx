import type { ListingLang, ListingStatus, ListingType } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../ui';

export function TypeBadge({ type }: { type: ListingType }) {
  const { t } = useTranslation();
  return <Badge tone={type === 'offer' ? 'info' : 'accent'}>{t(`listing.type.${type}`)}</Badge>;
}

const statusTones: Record<ListingStatus, BadgeTone> = {
  draft: 'neutral',
  pending_review: 'warning',
  published: 'success',
  rejected: 'danger',
  archived: 'neutral',
};

export function StatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTones[status]}>{t(`listing.status.${status}`)}</Badge>;
}

/** "TRL 7", with the scale named for screen readers. */
export function TrlBadge({ trl, min = false }: { trl: number; min?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge tone="neutral">
      <abbr title={t('listing.trlFull')} className="badge__abbr">
        TRL
      </abbr>{' '}
      {min ? t('listing.trlAtLeast', { level: trl }) : trl}
    </Badge>
  );
}

/** "Tiếng Anh" on a listing written in English (Vietnamese is the rule, so it has no badge). */
export function LangBadge({ lang }: { lang: ListingLang }) {
  const { t } = useTranslation();
  if (lang !== 'en') return null;
  return (
    <Badge tone="neutral">
      <span aria-hidden="true">{t('listing.langBadge')}</span>
      <span className="visually-hidden">{t('listing.langBadgeLabel')}</span>
    </Badge>
  );
}
