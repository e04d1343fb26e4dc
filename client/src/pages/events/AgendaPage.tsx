import type { EventDto, ScheduleEntryDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { downloadAgendaCalendar } from '../../api/events';
import { useAuth } from '../../auth/useAuth';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Badge, Button, ButtonLink, EmptyState } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { saveBlob } from '../../lib/saveBlob';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSocketEvent } from '../../realtime/useRealtime';
import { byDay, counterpartOf, venueDay, venueRange } from './eventTime';
import { useEvent, useEventPart, useRefreshEvent } from './useEvent';
import { useMeetingActions } from './useMeetingActions';

/**
 * /events/:id/agenda: my meetings at the venue, made for a phone: time and
 * table large, whom I meet and about what; updated live when the organiser
 * reschedules; a calendar file; a held meeting becomes a deal in one tap.
 */
export function AgendaPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(id);
  usePageTitle(t('events.agenda.title'));
  return (
    <div className="container page agenda-page">
      <p className="breadcrumb">
        <Link to={`/events/${id}`}>{event.data?.data.title ?? t('events.title')}</Link>
      </p>
      <QueryView query={event} errorTitle={t('events.loadOneFailed')}>
        {({ data }) => <Agenda event={data} />}
      </QueryView>
    </div>
  );
}

function Agenda({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { organization } = useAuth();
  const schedule = useEventPart(event.id, 'schedule');
  const meetings = useEventPart(event.id, 'meetings');
  const refresh = useRefreshEvent(event.id);
  const actions = useMeetingActions(event.id);
  const [changed, setChanged] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  useSocketEvent('event:schedule', (p) => {
    if (p.eventId !== event.id) return;
    setChanged(true);
    void refresh();
  });
  const waiting = (meetings.data?.data ?? []).filter((m) => m.status === 'accepted' && !m.slot);
  const requested = (meetings.data?.data ?? []).filter((m) => m.policies.accept);

  async function calendar() {
    setFileError(null);
    try {
      saveBlob(await downloadAgendaCalendar(event.id), `lich-gap-${event.id}.ics`);
    } catch (err) {
      setFileError(describeApiError(err, t));
    }
  }

  return (
    <>
      <header className="agenda-head">
        <h1 className="page-header__title">{t('events.agenda.title')}</h1>
        <p className="event-card__meta">{event.title}</p>
        {event.location?.venue && <p className="event-card__meta">{event.location.venue}</p>}
        <div className="event-detail__actions">
          <Button variant="secondary" size="sm" onClick={calendar}>
            {t('events.agenda.calendar')}
          </Button>
          {event.viewer.organizer && (
            <ButtonLink to={`/events/${event.id}/console`} size="sm" variant="ghost">
              {t('events.console.open')}
            </ButtonLink>
          )}
        </div>
      </header>
      {changed && (
        <Alert tone="info" live>
          {t('events.agenda.changed')}
        </Alert>
      )}
      {fileError && <Alert tone="error">{fileError}</Alert>}
      {actions.error && <Alert tone="error">{actions.error}</Alert>}
      {requested.length > 0 && (
        <Alert tone="warning">
          {t('events.agenda.requests', { count: requested.length })}{' '}
          <Link to={`/events/${event.id}`}>{t('events.agenda.answer')}</Link>
        </Alert>
      )}
      <QueryView
        query={schedule}
        errorTitle={t('events.agenda.loadFailed')}
        empty={
          <EmptyState title={t('events.agenda.empty')}>
            <p>
              {waiting.length ? t('events.agenda.waiting', { count: waiting.length }) : t('events.agenda.emptyBody')}
            </p>
          </EmptyState>
        }
      >
        {({ data }) => (
          <div className="agenda">
            {byDay(data).map(({ day, entries }) => (
              <section key={day} className="agenda__day" aria-label={venueDay(entries[0].startsAt, lang)}>
                <h2 className="agenda__date">{venueDay(entries[0].startsAt, lang)}</h2>
                <ol className="agenda__list">
                  {entries.map((e) => (
                    <AgendaItem key={e.meetingId} entry={e} mine={organization?.id} actions={actions} />
                  ))}
                </ol>
              </section>
            ))}
            {waiting.length > 0 && (
              <p className="form__note">{t('events.agenda.waiting', { count: waiting.length })}</p>
            )}
          </div>
        )}
      </QueryView>
    </>
  );
}

function AgendaItem({
  entry,
  mine,
  actions,
}: {
  entry: ScheduleEntryDto;
  mine: string | undefined;
  actions: ReturnType<typeof useMeetingActions>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const other = counterpartOf(entry.organizations, mine);
  const mineHere = entry.organizations.some((o) => o.id === mine);
  return (
    <li className="agenda-item">
      <div className="agenda-item__time">
        <span className="agenda-item__clock">{venueRange(entry.startsAt, entry.endsAt, lang)}</span>
        <span className="agenda-item__table">{t('events.agenda.table', { table: entry.table })}</span>
      </div>
      <div className="agenda-item__body">
        <p className="agenda-item__with">
          {mineHere ? other.name : entry.organizations.map((o) => o.name).join(' — ')}
        </p>
        {entry.listings.length > 0 && (
          <p className="agenda-item__about">{entry.listings.map((l) => l.title).join(' ↔ ')}</p>
        )}
        <div className="agenda-item__status">
          {entry.attendance && (
            <Badge tone={entry.attendance === 'held' ? 'success' : 'warning'}>
              {t(`events.attendance.${entry.attendance}`)}
            </Badge>
          )}
          {entry.dealId ? (
            <ButtonLink to={`/deals/${entry.dealId}`} size="sm" variant="secondary">
              {t('events.agenda.openDeal')}
            </ButtonLink>
          ) : (
            entry.attendance === 'held' &&
            mineHere && (
              <Button
                size="sm"
                loading={actions.busy === `deal:${entry.meetingId}`}
                onClick={() => actions.run({ kind: 'deal', meetingId: entry.meetingId })}
                aria-label={t('events.agenda.startDealNamed', { name: other.name })}
              >
                {t('events.agenda.startDeal')}
              </Button>
            )
          )}
        </div>
      </div>
    </li>
  );
}
