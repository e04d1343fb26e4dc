import { type MatchDismissInput, type MatchFeedbackReason, matchFeedbackReasons } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { describeApiError } from '../../forms/describeApiError';
import { Alert, Button, ChoiceGroup, Field, fieldId, Modal, Textarea } from '../ui';

/** The longest note the server takes (matchDismissSchema). */
export const NOTE_MAX = 500;

const REASON_FIELD = 'dismiss-reason';
const NOTE_FIELD = 'dismiss-note';

export interface DismissTarget {
  id: string;
  /** The counterpart listing's title, to say which match this is. */
  title: string;
  /** The reason given before, when changing it. */
  feedback: { reason: MatchFeedbackReason; note: string | null } | null;
}

export interface DismissDialogProps {
  /** The match being dismissed; null keeps the dialog closed. */
  target: DismissTarget | null;
  pending: boolean;
  /** The failure of the last submission, if any. */
  error: unknown;
  onSubmit: (feedback: MatchDismissInput) => void;
  onCancel: () => void;
}

/**
 * "Không phù hợp": asks why a match is not a fit (one of six reasons, and an
 * optional note) before dismissing it. A modal <dialog>: focus is trapped
 * inside, Escape and "Hủy" close it without sending anything.
 */
export function DismissDialog({ target, pending, error, onSubmit, onCancel }: DismissDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<MatchFeedbackReason | ''>('');
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);

  // A fresh form for each match, starting from its earlier answer when there is one.
  const targetId = target?.id;
  const earlier = target?.feedback ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another match is opened
  useEffect(() => {
    if (!targetId) return;
    setReason(earlier?.reason ?? '');
    setNote(earlier?.note ?? '');
    setMissingReason(false);
  }, [targetId]);

  const fields = isApiError(error) ? error.fields : {};
  const reasonError = missingReason ? t('matches.dismiss.reasonRequired') : fields.reason;
  const noteError = fields.note;
  const failure = error && !fields.reason && !fields.note ? describeApiError(error, t) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!reason) {
      setMissingReason(true);
      document.getElementById(fieldId(REASON_FIELD))?.focus();
      return;
    }
    const text = note.trim();
    onSubmit(text ? { reason, note: text } : { reason });
  }

  return (
    <Modal
      open={target !== null}
      title={t('matches.dismiss.title')}
      onClose={onCancel}
      onSubmit={submit}
      busy={pending}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('matches.dismiss.submit')}
          </Button>
        </>
      }
    >
      <p className="dismiss-dialog__subject">{target?.title}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="dismiss-dialog__reasons">
        <ChoiceGroup
          name={REASON_FIELD}
          type="radio"
          legend={t('matches.dismiss.reasonLegend')}
          options={matchFeedbackReasons.map((value) => ({ value, label: t(`matches.dismiss.reasons.${value}`) }))}
          value={reason ? [reason] : []}
          onChange={([next]) => {
            setReason((next as MatchFeedbackReason | undefined) ?? '');
            setMissingReason(false);
          }}
          error={reasonError}
          columns={2}
        />
      </div>
      <Field
        name={NOTE_FIELD}
        label={
          <>
            {t('matches.dismiss.note')} <span className="field__optional">{t('forms.optional')}</span>
          </>
        }
        hint={t('matches.dismiss.noteHint', { used: note.length, max: NOTE_MAX })}
        error={noteError}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            placeholder={t('matches.dismiss.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <p className="dismiss-dialog__hint">{t('matches.dismiss.hint')}</p>
    </Modal>
  );
}
