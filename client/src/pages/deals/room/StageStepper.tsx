import type { DealDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { stagePath } from '../../../components/deals/dealHelpers';
import { formatDate } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';

/** interest → contacted → nda → negotiation → agreement → won (or lost), with the current step marked. */
export function StageStepper({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lost = deal.stage === 'lost';
  // A lost deal shows how far it got before it was lost.
  const reached = lost
    ? Math.max(0, ...deal.history.map((h) => stagePath.indexOf(h.stage)).filter((i) => i >= 0))
    : stagePath.indexOf(deal.stage);
  const steps = lost ? [...stagePath.slice(0, -1), 'lost' as const] : stagePath;
  const enteredAt = (stage: string) => [...deal.history].reverse().find((h) => h.stage === stage)?.at;

  return (
    <ol className="stepper" aria-label={t('deals.room.stepperLabel')}>
      {steps.map((stage, index) => {
        const current = stage === deal.stage;
        const done = !current && (lost ? index <= reached : index < reached);
        const at = enteredAt(stage);
        const state = current ? 'current' : done ? 'done' : 'todo';
        return (
          <li
            key={stage}
            className={`stepper__step stepper__step--${state}${stage === 'lost' ? ' stepper__step--lost' : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {done ? '✓' : index + 1}
            </span>
            <span className="stepper__label">
              {t(`deals.stages.${stage}`)}
              <span className="visually-hidden">
                {' '}
                ({t(`deals.room.stepState.${state}`)})
              </span>
              {at && (current || done) && (
                <time className="stepper__date" dateTime={at}>
                  {formatDate(at, lang)}
                </time>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
