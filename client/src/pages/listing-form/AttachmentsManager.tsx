import { useMutation } from '@tanstack/react-query';
import type { AttachmentDto, ListingDto } from '@techbridge/shared';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { deleteAttachment, uploadAttachment } from '../../api/listings';
import { AttachmentList } from '../../components/listings/AttachmentList';
import { Alert, Button, buttonClass, ConfirmDialog } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useListingCache } from '../../lib/useListingCache';

const ACCEPTED = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'txt', 'csv'];
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 10;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Upload (with progress), list, download and delete a listing's files. Owners only. */
export function AttachmentsManager({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const cache = useListingCache();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<AttachmentDto | null>(null);
  const abort = useRef<AbortController | null>(null);
  const full = listing.attachments.length >= MAX_FILES;

  function uploadError(error: unknown): string {
    if (isAbort(error)) return t('attachments.cancelled');
    if (isApiError(error) && error.status === 413) return t('attachments.tooLarge');
    if (isApiError(error) && error.status === 415) return t('attachments.badType');
    if (isApiError(error) && error.fields.file) return error.fields.file;
    return describeApiError(error, t);
  }

  const upload = useMutation({
    mutationFn: (file: File) => {
      abort.current = new AbortController();
      setProgress({ name: file.name, percent: 0 });
      return uploadAttachment(listing.type, listing.id, file, {
        signal: abort.current.signal,
        onProgress: (fraction) => setProgress({ name: file.name, percent: Math.round(fraction * 100) }),
      });
    },
    onSuccess: (res) => {
      cache.changed(listing.type, listing.id);
      setDone(t('attachments.uploaded', { name: res.data.name }));
    },
    onError: (error) => setProblem(uploadError(error)),
    onSettled: () => setProgress(null),
  });

  const remove = useMutation({
    mutationFn: (attachment: AttachmentDto) => deleteAttachment(listing.type, listing.id, attachment.id),
    onSuccess: (_res, attachment) => {
      cache.changed(listing.type, listing.id);
      setToDelete(null);
      setDone(t('attachments.deleted', { name: attachment.name }));
    },
  });

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setProblem(null);
    setDone(null);
    if (!file) return;
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!ACCEPTED.includes(ext)) return setProblem(t('attachments.badType'));
    if (file.size > MAX_BYTES) return setProblem(t('attachments.tooLarge'));
    upload.mutate(file);
  }

  return (
    <>
      {problem && <Alert tone="error">{problem}</Alert>}
      {done && (
        <Alert tone="success" live>
          {done}
        </Alert>
      )}
      <AttachmentList
        type={listing.type}
        listingId={listing.id}
        attachments={listing.attachments}
        onDelete={(attachment) => setToDelete(attachment)}
      />
      {progress ? (
        <div className="upload-progress">
          <label className="upload-progress__label" htmlFor="upload-progress">
            {t('attachments.uploading', { name: progress.name, percent: progress.percent })}
          </label>
          <progress id="upload-progress" className="upload-progress__bar" max={100} value={progress.percent} />
          <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <div className="upload">
          <input
            id="attachment-file"
            type="file"
            className="upload__input"
            accept={ACCEPTED.map((e) => `.${e}`).join(',')}
            aria-describedby="attachment-hint"
            disabled={full}
            onChange={onFile}
          />
          <label htmlFor="attachment-file" className={buttonClass({ variant: 'secondary' }, 'upload__button')}>
            {t('attachments.choose')}
          </label>
        </div>
      )}
      <p className="field__hint" id="attachment-hint">
        {full ? t('attachments.full', { max: MAX_FILES }) : t('attachments.hint', { max: MAX_FILES })}
      </p>
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
