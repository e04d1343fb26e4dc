import type { AttachmentDto } from '@techbridge/shared';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetchBlob } from '../../api/http';
import { describeApiError } from '../../forms/describeApiError';
import { formatFileSize } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { Alert, Button, Spinner } from '../ui';

/** What the list needs of a file. */
export type FileSummary = Pick<AttachmentDto, 'id' | 'name' | 'size'>;

export type AttachmentListProps<F extends FileSummary> = {
  attachments: readonly F[];
  /** The API path a file downloads from; without it only names and sizes show. */
  fileHref?: (attachment: F) => string;
  /** Owners get a delete button per file. */
  onDelete?: (attachment: F) => void;
  /** Shown when there are no files (defaults to "No attachments yet."). */
  emptyText?: string;
};

const extension = (name: string) => name.split('.').pop()?.toUpperCase() ?? '';

/**
 * Files of a listing or of a verification request. Downloads go through fetch
 * with the session token (a plain link cannot send it, and drafts are visible
 * to their owner only), while the href keeps the link usable for "open in new
 * tab" on public listings.
 */
export function AttachmentList<F extends FileSummary>({
  fileHref,
  attachments,
  onDelete,
  emptyText,
}: AttachmentListProps<F>) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>, attachment: F) {
    event.preventDefault();
    if (!fileHref) return;
    setError(null);
    setBusy(attachment.id);
    try {
      const blob = await apiFetchBlob(fileHref(attachment));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(t('attachments.downloadFailed', { name: attachment.name, reason: describeApiError(err, t) }));
    } finally {
      setBusy(null);
    }
  }

  if (attachments.length === 0) return <p className="muted">{emptyText ?? t('attachments.none')}</p>;

  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.id} className="attachment">
            <span className="attachment__icon" aria-hidden="true">
              {extension(attachment.name).slice(0, 4)}
            </span>
            <span className="attachment__text">
              {fileHref ? (
                <a
                  className="attachment__name"
                  href={fileHref(attachment)}
                  download={attachment.name}
                  onClick={(e) => void download(e, attachment)}
                >
                  {attachment.name}
                </a>
              ) : (
                <span className="attachment__name">{attachment.name}</span>
              )}
              <span className="attachment__meta">
                {formatFileSize(attachment.size, lang)}
                {busy === attachment.id && (
                  <>
                    {' · '}
                    <Spinner size="sm" /> {t('attachments.downloading')}
                  </>
                )}
              </span>
            </span>
            {onDelete && (
              <Button
                variant="ghost"
                size="sm"
                aria-label={t('attachments.deleteNamed', { name: attachment.name })}
                onClick={() => onDelete(attachment)}
              >
                {t('attachments.delete')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
