import type { MessageDto } from '@techbridge/shared';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadDealAttachment } from '../../../api/deals';
import { Alert, Button } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { formatFileSize } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import { PaperclipIcon } from './MessageBubble';

const MAX_BODY = 4000;
const MAX_FILE = 10 * 1024 * 1024;

export interface ComposerProps {
  dealId: string;
  onSend: (body: string) => void;
  onUploaded: (message: MessageDto) => void;
  onTyping: () => void;
  onStopTyping: () => void;
}

/** Message box: Enter sends, Shift+Enter adds a line; a file can go with the text. */
export function Composer({ dealId, onSend, onUploaded, onTyping, onStopTyping }: ComposerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const uid = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_BODY;

  async function upload(chosen: File) {
    setProgress(0);
    setError(null);
    try {
      const res = await uploadDealAttachment(dealId, chosen, trimmed, { onProgress: setProgress });
      onUploaded(res.data);
      setFile(null);
      setText('');
    } catch (err) {
      setError(t('chat.uploadFailed', { name: chosen.name, reason: describeApiError(err, t) }));
    } finally {
      setProgress(null);
    }
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (progress !== null || tooLong) return;
    if (file) {
      void upload(file);
      return;
    }
    if (!trimmed) return;
    onSend(trimmed);
    onStopTyping();
    setText('');
    textarea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  function choose(chosen: File | undefined) {
    if (fileInput.current) fileInput.current.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_FILE) {
      setError(t('attachments.tooLarge'));
      return;
    }
    setError(null);
    setFile(chosen);
  }

  return (
    <form className="composer" onSubmit={submit}>
      {error && <Alert tone="error">{error}</Alert>}
      <label className="visually-hidden" htmlFor={`${uid}-text`}>
        {t('chat.inputLabel')}
      </label>
      <textarea
        ref={textarea}
        id={`${uid}-text`}
        className="input textarea composer__input"
        rows={2}
        value={text}
        placeholder={t('chat.placeholder')}
        aria-describedby={`${uid}-hint`}
        aria-invalid={tooLong || undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value) onTyping();
        }}
        onKeyDown={onKeyDown}
        onBlur={onStopTyping}
      />
      <p className="composer__hint" id={`${uid}-hint`}>
        {tooLong ? (
          <span className="field__error">{t('chat.tooLong', { max: MAX_BODY, count: trimmed.length })}</span>
        ) : (
          t('chat.hint')
        )}
      </p>
      {file && (
        <p className="composer__file">
          <PaperclipIcon /> {file.name} ({formatFileSize(file.size, lang)})
          {progress !== null ? (
            <span role="status">
              {' '}
              {t('attachments.uploading', { name: file.name, percent: Math.round(progress * 100) })}
            </span>
          ) : (
            <button type="button" className="link-button" onClick={() => setFile(null)}>
              {t('chat.removeFile', { name: file.name })}
            </button>
          )}
        </p>
      )}
      <div className="composer__actions">
        <input
          ref={fileInput}
          id={`${uid}-file`}
          type="file"
          className="upload__input"
          onChange={(e) => choose(e.target.files?.[0])}
          disabled={progress !== null}
        />
        <label htmlFor={`${uid}-file`} className="btn btn--ghost btn--sm upload__button">
          {t('chat.attach')}
        </label>
        <Button type="submit" size="sm" loading={progress !== null} disabled={tooLong || (!trimmed && !file)}>
          {t('chat.send')}
        </Button>
      </div>
    </form>
  );
}
