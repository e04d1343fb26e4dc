import { describeReason, type EventSuggestionDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listingHref } from '../../components/listings/ListingCard';
import { ScoreMeter, shownReasons } from '../../components/matches/MatchCard';
import { Badge, Button, EmptyState } from '../../components/ui';
import { useLang } from '../../lib/useLang';

/** Whom to meet: the other participants, strongest match between the booths first, with the reasons in words. */
export function SuggestionsPanel({
  suggestions,
  busy,
  onRequest,
}: {
  suggestions: EventSuggestionDto[];
  busy: string | null;
  onRequest: (org: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!suggestions.length)
    return (
      <EmptyState title={t('events.suggestions.empty')}>
        <p>{t('events.suggestions.emptyBody')}</p>
      </EmptyState>
    );
  return (
    <ol className="match-list suggestions">
      {suggestions.map((s) => (
        <li key={s.organization.id} className="match-card">
          <ScoreMeter score={s.score} />
          <div className="match-card__body">
            <h3 className="match-card__title">
              <Link to={`/organizations/${s.organization.id}`}>{s.organization.name}</Link>
            </h3>
            <p className="match-card__own">
              <Link to={listingHref('offer', s.offer.id)}>{s.offer.title}</Link>
              {' ↔ '}
              <Link to={listingHref('demand', s.demand.id)}>{s.demand.title}</Link>
            </p>
            <ul className="match-card__reasons" aria-label={t('matches.reasons')}>
              {shownReasons(s.reasons).map((reason) => (
                <li key={reason.kind} className={reason.weight > 0 ? 'is-positive' : undefined}>
                  {describeReason(reason, lang)}
                </li>
              ))}
            </ul>
            <div className="match-card__actions">
              {s.meeting && s.meeting.status !== 'cancelled' ? (
                <Badge tone={s.meeting.status === 'accepted' ? 'success' : 'neutral'}>
                  {t(`events.meetings.status.${s.meeting.status}`)}
                </Badge>
              ) : (
                <Button
                  size="sm"
                  loading={busy === `request:${s.organization.id}`}
                  onClick={() => onRequest({ id: s.organization.id, name: s.organization.name })}
                  aria-label={t('events.meetings.requestNamed', { name: s.organization.name })}
                >
                  {t('events.meetings.request')}
                </Button>
              )}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
