import { useMutation } from '@tanstack/react-query';
import type { AttachmentDto, ListingDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentPath, deleteAttachment, uploadAttachment } from '../../api/listings';
import { AttachmentList } from '../../components/listings/AttachmentList';
import { Alert, ConfirmDialog } from '../../components/ui';
import { FileUpload } from '../../components/upload/FileUpload';
import { describeApiError } from '../../forms/describeApiError';
import { useListingCache } from '../../lib/useListingCache';

const MAX_FILES = 10;

/** Upload (with progress), list, download and delete a listing's files. Owners only. */
export function AttachmentsManager({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const cache = useListingCache();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<AttachmentDto | null>(null);
  const full = listing.attachments.length >= MAX_FILES;

  const remove = useMutation({
    mutationFn: (attachment: AttachmentDto) => deleteAttachment(listing.type, listing.id, attachment.id),
    onSuccess: (_res, attachment) => {
      cache.changed(listing.type, listing.id);
      setToDelete(null);
      setDone(t('attachments.deleted', { name: attachment.name }));
    },
  });

  return (
    <>
      {problem && <Alert tone="error">{problem}</Alert>}
      {done && (
        <Alert tone="success" live>
          {done}
        </Alert>
      )}
      <AttachmentList
        fileHref={(a) => attachmentPath(listing.type, listing.id, a.id)}
        attachments={listing.attachments}
        onDelete={(attachment) => setToDelete(attachment)}
      />
      <FileUpload
        inputId="attachment-file"
        disabled={full}
        hint={full ? t('attachments.full', { max: MAX_FILES }) : t('attachments.hint', { max: MAX_FILES })}
        upload={(file, options) => uploadAttachment(listing.type, listing.id, file, options)}
        onStart={() => {
          setProblem(null);
          setDone(null);
        }}
        onSuccess={(res) => {
          cache.changed(listing.type, listing.id);
          setDone(t('attachments.uploaded', { name: res.data.name }));
        }}
        onError={setProblem}
      />
      <ConfirmDialog
        open={toDelete !== null}
        title={t('attachments.deleteTitle')}
        confirmLabel={t('attachments.delete')}
        loading={remove.isPending}
        error={remove.isError ? describeApiError(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
      >
        <p>{t('attachments.deleteBody', { name: toDelete?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
