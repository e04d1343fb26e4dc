import { useMutation } from '@tanstack/react-query';
import type { EventDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publishEvent } from '../../../api/events';
import { QueryView } from '../../../components/data/QueryView';
import { Alert, Badge, Button, Card, CardHeader } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { useLang } from '../../../lib/useLang';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useSocketEvent } from '../../../realtime/useRealtime';
import { eventWhen } from '../eventTime';
import { useEvent, useEventPart, useRefreshEvent } from '../useEvent';
import { useMeetingActions } from '../useMeetingActions';
import { EventStats } from './EventStats';
import { MeetingMatrix } from './MeetingMatrix';
import { ParticipantsTable } from './ParticipantsTable';
import { SchedulerPanel } from './SchedulerPanel';
import { ScheduleTable } from './ScheduleTable';

/**
 * /events/:id/console: the organiser's console — publication, figures, the
 * scheduler and its exports, the agenda with attendance at the venue, the
 * meeting matrix and the participants. Live: meetings and schedule changes refetch.
 */
export function OrganizerConsolePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('events.console.title'));
  const event = useEvent(id);
  return (
    <div className="container page console-page">
      <p className="breadcrumb">
        <Link to={`/events/${id}`}>{event.data?.data.title ?? t('events.title')}</Link>
      </p>
      <QueryView query={event} errorTitle={t('events.loadOneFailed')}>
        {({ data }) =>
          data.schedule ? <Console event={data} /> : <Alert tone="warning">{t('events.console.forbidden')}</Alert>
        }
      </QueryView>
    </div>
  );
}

function Console({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const refresh = useRefreshEvent(event.id);
  const actions = useMeetingActions(event.id);
  const participants = useEventPart(event.id, 'participants');
  const meetings = useEventPart(event.id, 'meetings');
  const schedule = useEventPart(event.id, 'schedule');
  const stats = useEventPart(event.id, 'stats');
  const publish = useMutation({ mutationFn: () => publishEvent(event.id), onSuccess: () => void refresh() });
  useSocketEvent('event:meeting', (p) => {
    if (p.eventId === event.id) void refresh();
  });
  useSocketEvent('event:schedule', (p) => {
    if (p.eventId === event.id) void refresh();
  });

  return (
    <>
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('events.console.title')}</h1>
          <p className="page-header__subtitle">
            {event.title} · {eventWhen(event.startsAt, event.endsAt, lang)}
          </p>
        </div>
        {event.status === 'draft' ? (
          <Button onClick={() => publish.mutate()} loading={publish.isPending}>
            {t('events.console.publish')}
          </Button>
        ) : (
          <Badge tone="success">{t('events.status.published')}</Badge>
        )}
      </header>
      {publish.error && <Alert tone="error">{describeApiError(publish.error, t)}</Alert>}
      {actions.error && <Alert tone="error">{actions.error}</Alert>}
      <QueryView query={stats} errorTitle={t('events.console.statsFailed')}>
        {({ data }) => <EventStats stats={data} />}
      </QueryView>
      <SchedulerPanel event={event} />
      <Card as="section" aria-labelledby="console-agenda">
        <CardHeader title={t('events.console.agenda')} id="console-agenda" />
        <QueryView query={schedule} errorTitle={t('events.agenda.loadFailed')}>
          {({ data }) => <ScheduleTable entries={data} actions={actions} />}
        </QueryView>
      </Card>
      <Card as="section" aria-labelledby="console-matrix">
        <CardHeader title={t('events.console.matrix')} id="console-matrix" />
        {participants.data && meetings.data ? (
          <MeetingMatrix participants={participants.data.data} meetings={meetings.data.data} />
        ) : (
          <QueryView query={participants.data ? meetings : participants} errorTitle={t('events.meetings.loadFailed')}>
            {() => null}
          </QueryView>
        )}
      </Card>
      <Card as="section" aria-labelledby="console-participants">
        <CardHeader title={t('events.console.participants')} id="console-participants" />
        <QueryView query={participants} errorTitle={t('events.catalogue.loadFailed')}>
          {({ data }) => <ParticipantsTable participants={data} />}
        </QueryView>
      </Card>
    </>
  );
}
