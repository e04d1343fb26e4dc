import { useMutation } from '@tanstack/react-query';
import type { ListingDto, ListingPolicies } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { archiveListing, deleteListing, publishListing } from '../../api/listings';
import { Alert, Button, ButtonLink, ConfirmDialog } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useListingCache } from '../../lib/useListingCache';
import { type ListingNotice, publishNotice } from './notices';

export interface OwnerActionsProps {
  listing: ListingDto;
  policies: ListingPolicies;
  onNotice: (notice: ListingNotice) => void;
}

export function editHref(listing: Pick<ListingDto, 'type' | 'id'>): string {
  return `/${listing.type === 'offer' ? 'offers' : 'demands'}/${listing.id}/edit`;
}

/** Edit, publish, archive and delete, each only when the listing's policies allow it. */
export function OwnerActions({ listing, policies, onNotice }: OwnerActionsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useListingCache();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const publish = useMutation({
    mutationFn: () => publishListing(listing.type, listing.id),
    onSuccess: (result) => {
      cache.stored(result);
      onNotice(publishNotice(result.data.status));
    },
  });
  const archive = useMutation({
    mutationFn: () => archiveListing(listing.type, listing.id),
    onSuccess: (result) => {
      cache.stored(result);
      onNotice('archived');
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteListing(listing.type, listing.id),
    onSuccess: () => {
      cache.removed(listing.type, listing.id);
      navigate('/app', { state: { deleted: listing.title } });
    },
  });

  const busy = publish.isPending || archive.isPending || remove.isPending;
  const failure = publish.error ?? archive.error;

  return (
    <div className="owner-actions">
      {failure && <Alert tone="error">{describeApiError(failure, t)}</Alert>}
      <div className="button-stack">
        {policies.publish && (
          <Button loading={publish.isPending} disabled={busy} onClick={() => publish.mutate()}>
            {listing.status === 'draft' ? t('listing.actions.publish') : t('listing.actions.republish')}
          </Button>
        )}
        {listing.type === 'demand' && listing.status === 'published' && policies.update && (
          <ButtonLink to={`/demands/${listing.id}/proposals`}>{t('proposals.compare.open')}</ButtonLink>
        )}
        {policies.update && (
          <ButtonLink to={editHref(listing)} variant="secondary">
            {t('listing.actions.edit')}
          </ButtonLink>
        )}
        {policies.archive && (
          <Button variant="secondary" loading={archive.isPending} disabled={busy} onClick={() => archive.mutate()}>
            {t('listing.actions.archive')}
          </Button>
        )}
        {policies.delete && (
          <Button variant="ghost" className="btn--danger-text" disabled={busy} onClick={() => setConfirmDelete(true)}>
            {t('listing.actions.delete')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title={t('listing.deleteDialog.title')}
        confirmLabel={t('listing.deleteDialog.confirm')}
        loading={remove.isPending}
        error={remove.isError ? describeApiError(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
      >
        <p>{t('listing.deleteDialog.body', { title: listing.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
