import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/** "What you typed on … was restored" with a way to drop it and start from the stored listing. */
export function DraftNotice({ restoredAt, onDiscard }: { restoredAt: string | null; onDiscard: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!restoredAt) return null;
  return (
    <Alert tone="info" live title={t('formDraft.restoredTitle')}>
      <p>{t('formDraft.restoredBody', { time: formatDateTime(restoredAt, lang) })}</p>
      <Button variant="secondary" size="sm" onClick={onDiscard}>
        {t('formDraft.discard')}
      </Button>
    </Alert>
  );
}
