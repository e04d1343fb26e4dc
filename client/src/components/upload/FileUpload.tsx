import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { UploadOptions } from '../../api/upload';
import { type ApiErrorMessages, describeApiError } from '../../forms/describeApiError';
import { Button, buttonClass } from '../ui';

/** The file types and size the server accepts for every upload (server/src/uploads.ts). */
export const ACCEPTED_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'txt', 'csv'];
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** An upload failure in words: cancelled, too large (413), wrong type (415), or the server's field message. */
export function describeUploadError(
  error: unknown,
  t: TFunction,
  messages?: ApiErrorMessages,
  own: { tooLarge?: string; badType?: string } = {},
): string {
  if (isAbort(error)) return t('attachments.cancelled');
  if (isApiError(error) && error.status === 413) return own.tooLarge ?? t('attachments.tooLarge');
  if (isApiError(error) && error.status === 415) return own.badType ?? t('attachments.badType');
  if (isApiError(error) && error.fields.file) return error.fields.file;
  return describeApiError(error, t, messages);
}

export interface FileUploadProps<T> {
  /** Id of the file input (unique on the page). */
  inputId: string;
  /** Shown under the button and linked to the input. */
  hint: ReactNode;
  /** The button's text; defaults to "Choose a file to upload". */
  chooseLabel?: string;
  disabled?: boolean;
  upload: (file: File, options: UploadOptions) => Promise<T>;
  /** A file was chosen: clear earlier messages. */
  onStart?: () => void;
  onSuccess: (result: T, file: File) => void;
  /** The failure in words (a client-side check, a cancel or the server's answer). */
  onError: (message: string) => void;
  errorMessages?: ApiErrorMessages;
  /** Accepted extensions (defaults to every type attachments accept). */
  accept?: readonly string[];
  /** Largest file in bytes (defaults to the attachments' 10 MB). */
  maxBytes?: number;
  /** The message for a file that is too large (defaults to the attachments' one). */
  tooLargeMessage?: string;
  /** The message for a file of another type (defaults to the attachments' one). */
  badTypeMessage?: string;
}

/**
 * Picks one file, checks its type and size like the server does, and uploads
 * it with a progress bar and a cancel button. Used for listing attachments and
 * verification documents.
 */
export function FileUpload<T>({
  inputId,
  hint,
  chooseLabel,
  disabled = false,
  upload,
  onStart,
  onSuccess,
  onError,
  errorMessages,
  accept = ACCEPTED_EXTENSIONS,
  maxBytes = MAX_UPLOAD_BYTES,
  tooLargeMessage,
  badTypeMessage,
}: FileUploadProps<T>) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const hintId = `${inputId}-hint`;

  const mutation = useMutation({
    mutationFn: (file: File) => {
      abort.current = new AbortController();
      setProgress({ name: file.name, percent: 0 });
      return upload(file, {
        signal: abort.current.signal,
        onProgress: (fraction) => setProgress({ name: file.name, percent: Math.round(fraction * 100) }),
      });
    },
    onSuccess: (result, file) => onSuccess(result, file),
    onError: (error) =>
      onError(describeUploadError(error, t, errorMessages, { tooLarge: tooLargeMessage, badType: badTypeMessage })),
    onSettled: () => setProgress(null),
  });

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    onStart?.();
    if (!file) return;
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!accept.includes(ext)) return onError(badTypeMessage ?? t('attachments.badType'));
    if (file.size > maxBytes) return onError(tooLargeMessage ?? t('attachments.tooLarge'));
    mutation.mutate(file);
  }

  return (
    <>
      {progress ? (
        <div className="upload-progress">
          <label className="upload-progress__label" htmlFor={`${inputId}-progress`}>
            {t('attachments.uploading', { name: progress.name, percent: progress.percent })}
          </label>
          <progress id={`${inputId}-progress`} className="upload-progress__bar" max={100} value={progress.percent} />
          <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <div className="upload">
          <input
            id={inputId}
            type="file"
            className="upload__input"
            accept={accept.map((e) => `.${e}`).join(',')}
            aria-describedby={hintId}
            disabled={disabled}
            onChange={onFile}
          />
          <label htmlFor={inputId} className={buttonClass({ variant: 'secondary' }, 'upload__button')}>
            {chooseLabel ?? t('attachments.choose')}
          </label>
        </div>
      )}
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
    </>
  );
}
