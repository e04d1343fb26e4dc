import type { EventMeetingDto, EventParticipantDto } from '@techbridge/shared';
import { labelOf, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TypeBadge } from '../../components/listings/ListingBadges';
import { listingHref } from '../../components/listings/ListingCard';
import { Badge, Button, EmptyState } from '../../components/ui';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';

/**
 * The exhibitor catalogue: each registered organisation at its booth, with
 * the listings it shows; participants can ask the others for a meeting.
 */
export function Catalogue({
  participants,
  viewerOrgId,
  canRequest,
  meetings,
  busy,
  onRequest,
}: {
  participants: EventParticipantDto[];
  viewerOrgId: string | null;
  canRequest: boolean;
  meetings: EventMeetingDto[];
  busy: string | null;
  onRequest: (org: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!participants.length) return <EmptyState title={t('events.catalogue.empty')} />;
  const withMeeting = new Map(meetings.flatMap((m) => [[m.requester.id, m] as const, [m.recipient.id, m] as const]));
  return (
    <ul className="booths">
      {participants.map((p) => {
        const org = p.organization;
        const meeting = withMeeting.get(org.id);
        const own = org.id === viewerOrgId;
        return (
          <li key={org.id} className="booth">
            <div className="booth__number" aria-hidden="true">
              {p.booth}
            </div>
            <div className="booth__body">
              <h3 className="booth__org">
                <span className="visually-hidden">{t('events.catalogue.booth', { n: p.booth })}: </span>
                <Link to={`/organizations/${org.id}`}>{org.name}</Link>
                {own && <Badge tone="info">{t('events.catalogue.you')}</Badge>}
              </h3>
              <p className="booth__meta">
                {labelOf(organizationTypes, org.type, lang)} · {provinceName(org.province)}
              </p>
              {p.listings.length > 0 ? (
                <ul className="booth__listings">
                  {p.listings.map((l) => (
                    <li key={l.id}>
                      <TypeBadge type={l.type} /> <Link to={listingHref(l.type, l.id)}>{l.title}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="booth__meta">{t('events.catalogue.visitor')}</p>
              )}
              {canRequest && !own && (
                <div className="booth__actions">
                  {meeting && meeting.status !== 'cancelled' ? (
                    <Badge tone={meeting.status === 'accepted' ? 'success' : 'neutral'}>
                      {t(`events.meetings.status.${meeting.status}`)}
                    </Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={busy === `request:${org.id}`}
                      onClick={() => onRequest({ id: org.id, name: org.name })}
                      aria-label={t('events.meetings.requestNamed', { name: org.name })}
                    >
                      {t('events.meetings.request')}
                    </Button>
                  )}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
