import type { MessageDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadDealAttachment } from '../../../api/deals';
import { Spinner } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { formatFileSize, formatTime } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import type { PendingMessage } from './chatMessages';

export function PaperclipIcon() {
  return (
    <svg className="bubble__file-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        d="M13.5 6.5 7.7 12.3a1.6 1.6 0 0 0 2.3 2.3l6-6a3.2 3.2 0 0 0-4.5-4.5l-6.2 6.2a4.8 4.8 0 0 0 6.8 6.8l4.4-4.4"
      />
    </svg>
  );
}

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Attachment({ attachment }: { attachment: NonNullable<MessageDto['attachment']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await downloadDealAttachment(attachment.url), attachment.name);
    } catch (err) {
      setError(t('attachments.downloadFailed', { name: attachment.name, reason: describeApiError(err, t) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="bubble__file">
      <button type="button" className="bubble__file-button" onClick={() => void download()} disabled={busy}>
        {busy ? <Spinner size="sm" /> : <PaperclipIcon />}
        <span className="bubble__file-name">{attachment.name}</span>
        <span className="bubble__file-size">{formatFileSize(attachment.size, lang)}</span>
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** One chat message. The body is plain text: rendered as text, line breaks kept by CSS. */
export function MessageBubble({ message, mine }: { message: MessageDto; mine: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className={`bubble${mine ? ' bubble--mine' : ''}`}>
      <p className="bubble__meta">
        <span className="bubble__sender">{mine ? t('chat.you') : message.sender.name}</span>
        {!mine && <span className="bubble__org"> · {message.organization.name}</span>}
        <span className="bubble__time">
          {' · '}
          <time dateTime={message.createdAt}>{formatTime(message.createdAt, lang)}</time>
        </span>
      </p>
      {message.body && <p className="bubble__body">{message.body}</p>}
      {message.attachment && <Attachment attachment={message.attachment} />}
    </div>
  );
}

export interface PendingBubbleProps {
  message: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}

/** A message on its way: "sending…", or failed with retry (same clientId) and discard. */
export function PendingBubble({ message, onRetry, onDiscard }: PendingBubbleProps) {
  const { t } = useTranslation();
  const failed = message.status === 'failed';
  return (
    <div className={`bubble bubble--mine bubble--pending${failed ? ' bubble--failed' : ''}`} data-error={message.error}>
      <p className="bubble__body">{message.body}</p>
      <p className="bubble__status">
        {failed ? (
          <>
            <span>{t(message.error === 'offline' ? 'chat.failedOffline' : 'chat.failed')}</span>{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              {t('chat.retry')}
            </button>{' '}
            <button type="button" className="link-button" onClick={onDiscard}>
              {t('chat.discard')}
            </button>
          </>
        ) : (
          <>
            <Spinner size="sm" /> {t('chat.sending')}
          </>
        )}
      </p>
    </div>
  );
}
