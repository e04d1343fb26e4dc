import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Modal, Textarea } from '../../components/ui';

export interface MeetingTarget {
  id: string;
  name: string;
}

/** Asks another participant for a meeting, with an optional note. */
export function RequestMeetingDialog({
  target,
  busy,
  onSend,
  onClose,
}: {
  target: MeetingTarget | null;
  busy: boolean;
  onSend: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  return (
    <Modal
      open={!!target}
      title={t('events.meetings.requestTitle', { name: target?.name ?? '' })}
      onClose={onClose}
      busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        onSend(message.trim());
        setMessage('');
      }}
      actions={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('events.meetings.send')}
          </Button>
        </>
      }
    >
      <Field name="meeting-message" label={t('events.meetings.message')} hint={t('events.meetings.messageHint')}>
        {(props) => (
          <Textarea {...props} value={message} maxLength={1000} onChange={(e) => setMessage(e.target.value)} />
        )}
      </Field>
    </Modal>
  );
}
