import { useMutation } from '@tanstack/react-query';
import type { EventDto } from '@techbridge/shared';
import { labelOf, sectors } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { withdrawFromEvent } from '../../api/events';
import { useAuth } from '../../auth/useAuth';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Badge, Button, ButtonLink, Card, ConfirmDialog, TabPanel, Tabs } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { Catalogue } from './Catalogue';
import { eventWhen, venueDateTime } from './eventTime';
import { MeetingsPanel } from './MeetingsPanel';
import { RegisterPanel } from './RegisterPanel';
import { type MeetingTarget, RequestMeetingDialog } from './RequestMeetingDialog';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useEvent, useEventPart, useRefreshEvent } from './useEvent';
import { useMeetingActions } from './useMeetingActions';

type Tab = 'catalogue' | 'suggestions' | 'meetings';

/** /events/:id: the event, registration, the exhibitor catalogue, and a participant's suggestions and meetings. */
export function EventDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useEvent(id);
  usePageTitle(query.data?.data.title ?? t('events.title'));
  return (
    <div className="container page">
      <p className="breadcrumb">
        <Link to="/events">{t('events.title')}</Link>
      </p>
      <QueryView query={query} errorTitle={t('events.loadOneFailed')}>
        {({ data }) => <EventView event={data} />}
      </QueryView>
    </div>
  );
}

function EventView({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status, organization } = useAuth();
  const participant = event.viewer.participant;
  const [tab, setTab] = useState<Tab>('catalogue');
  const [target, setTarget] = useState<MeetingTarget | null>(null);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const refresh = useRefreshEvent(event.id);
  const actions = useMeetingActions(event.id);
  const catalogue = useEventPart(event.id, 'participants');
  const suggestions = useEventPart(event.id, 'suggestions', participant);
  const meetings = useEventPart(event.id, 'meetings', participant);
  const withdraw = useMutation({
    mutationFn: () => withdrawFromEvent(event.id),
    onSuccess: () => {
      setConfirmWithdraw(false);
      void refresh();
    },
  });
  const canRegister = status === 'authenticated' && !!organization && !participant && event.registrationOpen;
  const place = [event.location?.venue, event.location?.address, event.province ? provinceName(event.province) : null]
    .filter(Boolean)
    .join(', ');
  const requestedBy = actions.busy?.startsWith('request:') ?? false;

  return (
    <article className="event-detail" aria-labelledby="event-title">
      <header className="event-detail__head">
        <div className="event-card__badges">
          <Badge tone={event.kind === 'techmart' ? 'accent' : 'info'}>{t(`events.kinds.${event.kind}`)}</Badge>
          {event.status === 'draft' && <Badge tone="warning">{t('events.status.draft')}</Badge>}
          {event.registrationOpen ? (
            <Badge tone="success">{t('events.registrationOpen')}</Badge>
          ) : (
            <Badge>{t('events.registrationClosed')}</Badge>
          )}
        </div>
        <h1 className="page-header__title" id="event-title">
          {event.title}
        </h1>
        <p className="event-detail__when">
          <time dateTime={event.startsAt}>{eventWhen(event.startsAt, event.endsAt, lang)}</time>
        </p>
        <p className="event-card__meta">
          {place}
          {event.online && ` · ${t('events.online')}`}
          {event.online?.url && (
            <>
              {' '}
              <a href={event.online.url} rel="noopener noreferrer" target="_blank">
                {event.online.url}
              </a>
            </>
          )}
        </p>
        <p className="event-card__meta">
          {t('events.organizedBy', { name: event.organizer.name })} ·{' '}
          {t('events.participantCount', { count: event.participantCount })} ·{' '}
          {t('events.slotInfo', { minutes: event.slotMinutes, tables: event.tables })}
        </p>
        {event.registrationOpen && (
          <p className="event-card__meta">
            {t('events.registrationUntil', { when: venueDateTime(event.registrationClosesAt, lang) })}
          </p>
        )}
        {event.sectors.length > 0 && (
          <p className="event-card__meta">{event.sectors.map((s) => labelOf(sectors, s, lang)).join(' · ')}</p>
        )}
        <div className="event-detail__actions">
          {event.viewer.organizer && (
            <ButtonLink to={`/events/${event.id}/console`}>{t('events.console.open')}</ButtonLink>
          )}
          {participant && (
            <>
              <ButtonLink to={`/events/${event.id}/agenda`}>{t('events.agenda.open')}</ButtonLink>
              <Button variant="ghost" onClick={() => setConfirmWithdraw(true)}>
                {t('events.withdraw')}
              </Button>
            </>
          )}
          {status === 'anonymous' && (
            <ButtonLink to="/login" state={{ from: `/events/${event.id}` }} variant="secondary">
              {t('events.signInToJoin')}
            </ButtonLink>
          )}
        </div>
      </header>
      {event.description && <Card className="event-detail__description">{event.description}</Card>}
      {participant && <Alert tone="success">{t('events.registered')}</Alert>}
      {canRegister &&
        (organization?.verified ? (
          <RegisterPanel event={event} />
        ) : (
          <Alert tone="info">{t('events.register.verifyFirst')}</Alert>
        ))}
      {actions.error && <Alert tone="error">{actions.error}</Alert>}

      <Tabs
        idPrefix="event"
        label={t('events.tabs.label')}
        selected={tab}
        onSelect={setTab}
        items={[
          { value: 'catalogue', label: t('events.tabs.catalogue') },
          ...(participant
            ? [
                { value: 'suggestions' as const, label: t('events.tabs.suggestions') },
                { value: 'meetings' as const, label: t('events.tabs.meetings') },
              ]
            : []),
        ]}
      />
      {tab === 'catalogue' && (
        <TabPanel idPrefix="event" value="catalogue">
          <QueryView query={catalogue} errorTitle={t('events.catalogue.loadFailed')}>
            {({ data }) => (
              <Catalogue
                participants={data}
                viewerOrgId={organization?.id ?? null}
                canRequest={participant && event.status === 'published'}
                meetings={meetings.data?.data ?? []}
                busy={actions.busy}
                onRequest={setTarget}
              />
            )}
          </QueryView>
        </TabPanel>
      )}
      {participant && (
        <>
          {tab === 'suggestions' && (
            <TabPanel idPrefix="event" value="suggestions">
              <QueryView query={suggestions} errorTitle={t('events.suggestions.loadFailed')}>
                {({ data }) => <SuggestionsPanel suggestions={data} busy={actions.busy} onRequest={setTarget} />}
              </QueryView>
            </TabPanel>
          )}
          {tab === 'meetings' && (
            <TabPanel idPrefix="event" value="meetings">
              <QueryView query={meetings} errorTitle={t('events.meetings.loadFailed')}>
                {({ data }) => (
                  <MeetingsPanel meetings={data} viewerOrgId={organization?.id ?? null} actions={actions} />
                )}
              </QueryView>
            </TabPanel>
          )}
        </>
      )}
      <RequestMeetingDialog
        target={target}
        busy={requestedBy}
        onClose={() => setTarget(null)}
        onSend={async (message) => {
          if (!target) return;
          await actions.run({ kind: 'request', withOrganizationId: target.id, message });
          setTarget(null);
        }}
      />
      <ConfirmDialog
        open={confirmWithdraw}
        title={t('events.withdrawConfirm.title')}
        confirmLabel={t('events.withdraw')}
        onConfirm={() => withdraw.mutate()}
        onCancel={() => setConfirmWithdraw(false)}
        loading={withdraw.isPending}
        error={withdraw.error ? describeApiError(withdraw.error, t) : null}
      >
        <p>{t('events.withdrawConfirm.body')}</p>
      </ConfirmDialog>
    </article>
  );
}
