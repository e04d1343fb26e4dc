import { introductionSchema } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../forms/describeApiError';
import { Alert, Button, Field, Modal, Textarea } from '../ui';

/**
 * "Liên hệ": the first contact always carries an introduction — who we are,
 * what we want — so a deal never opens with an empty room.
 */
export function IntroductionDialog({
  open,
  to,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  /** The organisation written to. */
  to: string;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (open) setProblem(null);
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = introductionSchema.safeParse(text);
    if (!parsed.success) {
      setProblem(t('deals.intro.tooShort'));
      document.getElementById('field-introduction')?.focus();
      return;
    }
    onSubmit(parsed.data);
  }

  return (
    <Modal
      open={open}
      title={t('deals.intro.title', { organization: to })}
      onClose={onCancel}
      onSubmit={submit}
      busy={pending}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('deals.intro.send')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('deals.intro.lead')}</p>
      {error != null && <Alert tone="error">{describeApiError(error, t)}</Alert>}
      <Field
        name="introduction"
        label={t('deals.intro.label')}
        hint={t('deals.intro.hint', { count: text.trim().length })}
        error={problem ?? undefined}
        required
      >
        {(props) => (
          <Textarea
            {...props}
            rows={6}
            maxLength={4000}
            value={text}
            placeholder={t('deals.intro.placeholder')}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
          />
        )}
      </Field>
    </Modal>
  );
}
