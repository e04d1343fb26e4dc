import type { EventMeetingDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone, Button, EmptyState } from '../../components/ui';
import { useLang } from '../../lib/useLang';
import { venueDateTime } from './eventTime';
import type { useMeetingActions } from './useMeetingActions';

export const meetingTones: Record<EventMeetingDto['status'], BadgeTone> = {
  requested: 'info',
  accepted: 'success',
  declined: 'neutral',
  cancelled: 'neutral',
};

/** My organisation's meetings at the event: requests to answer first, then the others with their slot. */
export function MeetingsPanel({
  meetings,
  viewerOrgId,
  actions,
}: {
  meetings: EventMeetingDto[];
  viewerOrgId: string | null;
  actions: ReturnType<typeof useMeetingActions>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!meetings.length) return <EmptyState title={t('events.meetings.empty')} />;
  const incoming = (m: EventMeetingDto) => m.status === 'requested' && m.policies.accept;
  const sorted = [...meetings].sort((a, b) => Number(incoming(b)) - Number(incoming(a)));
  return (
    <ul className="meeting-list">
      {sorted.map((m) => {
        const other = m.requester.id === viewerOrgId ? m.recipient : m.requester;
        const asked = m.requester.id === viewerOrgId;
        return (
          <li key={m.id} className="meeting-item">
            <div className="meeting-item__head">
              <strong>{other.name}</strong>
              <Badge tone={meetingTones[m.status]}>{t(`events.meetings.status.${m.status}`)}</Badge>
            </div>
            <p className="meeting-item__meta">
              {asked ? t('events.meetings.youAsked') : t('events.meetings.theyAsked')}
              {m.score > 0 && ` · ${t('events.meetings.score', { score: m.score })}`}
            </p>
            {m.listings.length > 0 && (
              <p className="meeting-item__meta">{m.listings.map((l) => l.title).join(' ↔ ')}</p>
            )}
            {m.message && <blockquote className="meeting-item__message">{m.message}</blockquote>}
            {m.slot && (
              <p className="meeting-item__slot">
                {t('events.meetings.slot', { when: venueDateTime(m.slot.startsAt, lang), table: m.slot.table })}
              </p>
            )}
            {m.policies.accept && (
              <div className="meeting-item__actions">
                <Button
                  size="sm"
                  loading={actions.busy === `accept:${m.id}`}
                  onClick={() => actions.run({ kind: 'accept', meetingId: m.id })}
                  aria-label={t('events.meetings.acceptNamed', { name: other.name })}
                >
                  {t('events.meetings.accept')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  loading={actions.busy === `decline:${m.id}`}
                  onClick={() => actions.run({ kind: 'decline', meetingId: m.id })}
                  aria-label={t('events.meetings.declineNamed', { name: other.name })}
                >
                  {t('events.meetings.decline')}
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
