import { describeReason, type MatchDto, type MatchReason, type MatchState } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useLang } from '../../lib/useLang';
import { TypeBadge } from '../listings/ListingBadges';
import { listingHref } from '../listings/ListingCard';
import { Badge, type BadgeTone, Button } from '../ui';
import { matchCounterpart } from './counterpart';
import type { MatchAction } from './useMatchActions';

const stateTones: Record<MatchState, BadgeTone> = {
  new: 'info',
  seen: 'neutral',
  dismissed: 'neutral',
  contacted: 'success',
};

/**
 * Reasons worth showing: everything that counted, plus TRL and location
 * always, and the adjustments earlier "Không phù hợp" feedback made (they
 * take points away, so their weight is never positive).
 */
export function shownReasons(reasons: readonly MatchReason[]): MatchReason[] {
  return reasons.filter(
    (r) =>
      r.weight > 0 || r.kind === 'trl' || r.kind === 'location' || (r.kind === 'feedback' && r.adjustments.length > 0),
  );
}

/** "Đã đánh dấu không phù hợp: Giá", with the note when one was given. */
export function DismissedNote({ feedback }: { feedback: MatchDto['feedback'] }) {
  const { t } = useTranslation();
  return (
    <div className="match-card__feedback">
      <p>
        {feedback
          ? t('matches.dismiss.marked', { reason: t(`matches.dismiss.reasons.${feedback.reason}`) })
          : t('matches.dismiss.markedNoReason')}
      </p>
      {feedback?.note && (
        <p className="match-card__feedback-note">{t('matches.dismiss.noteShown', { note: feedback.note })}</p>
      )}
    </div>
  );
}

export function ScoreMeter({ score }: { score: number }) {
  const { t } = useTranslation();
  const value = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <div className="score">
      <span className="score__number" aria-hidden="true">
        {value}
      </span>
      <meter
        className="score__meter"
        min={0}
        max={100}
        low={60}
        high={80}
        optimum={100}
        value={value}
        aria-label={t('matches.scoreLabel', { score: value })}
      >
        {value}/100
      </meter>
    </div>
  );
}

export interface MatchCardProps {
  match: MatchDto;
  /** The action running on this card, if any. */
  busy: MatchAction | null;
  disabled: boolean;
  /** "dismiss" asks the list to open the "Không phù hợp" dialog for this match. */
  onAction: (action: MatchAction) => void;
  /** Hide "for your listing …" when the card sits on that listing's page. */
  showOwn?: boolean;
}

/** One match: score, the counterpart listing, the reasons in words, its state and the actions. */
export function MatchCard({ match, busy, disabled, onAction, showOwn = true }: MatchCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { organization } = useAuth();
  const { type, own, other } = matchCounterpart(match, organization?.id);
  const titleId = `match-${match.id}-title`;
  const state = match.state;

  return (
    <article className="match-card" aria-labelledby={titleId}>
      <ScoreMeter score={match.score} />
      <div className="match-card__body">
        <div className="match-card__badges">
          <TypeBadge type={type} />
          {state && <Badge tone={stateTones[state]}>{t(`matches.states.${state}`)}</Badge>}
        </div>
        <h3 className="match-card__title" id={titleId}>
          <Link to={listingHref(type, other.id)}>{other.title}</Link>
        </h3>
        <p className="match-card__org">
          <Link to={`/organizations/${other.organization.id}`}>{other.organization.name}</Link>
        </p>
        {showOwn && (
          <p className="match-card__own">
            {t('matches.forListing')}{' '}
            <Link to={listingHref(type === 'offer' ? 'demand' : 'offer', own.id)}>{own.title}</Link>
          </p>
        )}
        <ul className="match-card__reasons" aria-label={t('matches.reasons')}>
          {shownReasons(match.reasons).map((reason) => (
            <li
              key={reason.kind}
              className={reason.weight > 0 ? 'is-positive' : reason.kind === 'feedback' ? 'is-adjusted' : undefined}
            >
              {describeReason(reason, lang)}
            </li>
          ))}
        </ul>
        {state === 'dismissed' && <DismissedNote feedback={match.feedback} />}
        {state !== null && (
          <div className="match-card__actions">
            <Button
              size="sm"
              loading={busy === 'contact'}
              disabled={disabled}
              onClick={() => onAction('contact')}
              aria-label={t(state === 'contacted' ? 'matches.actions.openDealNamed' : 'matches.actions.contactNamed', {
                title: other.title,
              })}
            >
              {state === 'contacted' ? t('matches.actions.openDeal') : t('matches.actions.contact')}
            </Button>
            {state === 'new' && (
              <Button
                size="sm"
                variant="secondary"
                loading={busy === 'seen'}
                disabled={disabled}
                onClick={() => onAction('seen')}
                aria-label={t('matches.actions.seenNamed', { title: other.title })}
              >
                {t('matches.actions.seen')}
              </Button>
            )}
            {(state === 'new' || state === 'seen' || state === 'dismissed') && (
              <Button
                size="sm"
                variant="ghost"
                loading={busy === 'dismiss'}
                disabled={disabled}
                onClick={() => onAction('dismiss')}
                aria-haspopup="dialog"
                aria-label={t(state === 'dismissed' ? 'matches.dismiss.changeNamed' : 'matches.dismiss.buttonNamed', {
                  title: other.title,
                })}
              >
                {t(state === 'dismissed' ? 'matches.dismiss.change' : 'matches.dismiss.button')}
              </Button>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
