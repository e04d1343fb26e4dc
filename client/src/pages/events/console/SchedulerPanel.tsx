import { useMutation } from '@tanstack/react-query';
import type { EventDto, ScheduleRunDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAgenda, runScheduler } from '../../../api/events';
import { Alert, Button, Card, CardHeader } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { saveBlob } from '../../../lib/saveBlob';
import { useLang } from '../../../lib/useLang';
import { venueDateTime } from '../eventTime';
import { useRefreshEvent } from '../useEvent';

/** Runs the scheduler and tells what it did; exports the agenda as XLSX or PDF. */
export function SchedulerPanel({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refresh = useRefreshEvent(event.id);
  const [run, setRun] = useState<ScheduleRunDto | null>(event.schedule);
  const [fileError, setFileError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => runScheduler(event.id),
    onSuccess: ({ data }) => {
      setRun(data);
      void refresh();
    },
  });
  async function exportAs(format: 'xlsx' | 'pdf') {
    setFileError(null);
    setExporting(format);
    try {
      saveBlob(await downloadAgenda(event.id, format), `lich-gap-${event.id}.${format}`);
    } catch (err) {
      setFileError(describeApiError(err, t));
    } finally {
      setExporting(null);
    }
  }
  const shown = mutation.data?.data ?? run;
  return (
    <Card as="section" aria-labelledby="scheduler-title">
      <CardHeader
        title={t('events.scheduler.title')}
        id="scheduler-title"
        actions={
          <>
            <Button variant="secondary" size="sm" loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
              {t('events.scheduler.xlsx')}
            </Button>
            <Button variant="secondary" size="sm" loading={exporting === 'pdf'} onClick={() => exportAs('pdf')}>
              {t('events.scheduler.pdf')}
            </Button>
          </>
        }
      />
      <p className="form__note">{t('events.scheduler.explain')}</p>
      <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
        {t('events.scheduler.run')}
      </Button>
      {mutation.error && <Alert tone="error">{describeApiError(mutation.error, t)}</Alert>}
      {fileError && <Alert tone="error">{fileError}</Alert>}
      {shown?.at && (
        <div className="scheduler-result" role="status">
          <p>
            {t('events.scheduler.result', {
              version: shown.version,
              when: venueDateTime(shown.at, lang),
              placed: shown.placed,
              kept: shown.kept,
              moved: shown.moved,
              unplaced: shown.unplaced.length,
            })}
          </p>
          {shown.unplaced.length > 0 && (
            <ul className="scheduler-result__unplaced">
              {shown.unplaced.map((u) => (
                <li key={u.meetingId}>
                  {u.organizations.map((o) => o.name).join(' — ')}: {t(`events.scheduler.reasons.${u.reason}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Card>
  );
}
