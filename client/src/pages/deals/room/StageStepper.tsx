import type { DealDto } from '@techbridge/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { stagePath } from '../../../components/deals/dealHelpers';
import { formatDate } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';

/** interest → contacted → nda → negotiation → agreement → won (or lost), with the current step marked. */
export function StageStepper({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lost = deal.stage === 'lost';
  // Stages the deal actually went through are marked done; skipped ones stay open.
  const visited = new Set(deal.history.map((h) => h.stage));
  const steps = lost ? [...stagePath.slice(0, -1), 'lost' as const] : stagePath;
  const listRef = useRef<HTMLOListElement>(null);

  // On narrow screens the stepper scrolls sideways: keep the current stage in view.
  const currentIndex = steps.indexOf(deal.stage);
  useEffect(() => {
    const list = listRef.current;
    const current = list?.children[currentIndex] as HTMLElement | undefined;
    if (list && current && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = Math.max(0, current.offsetLeft - list.offsetLeft - 16);
    }
  }, [currentIndex]);
  const enteredAt = (stage: string) => [...deal.history].reverse().find((h) => h.stage === stage)?.at;

  return (
    <ol ref={listRef} className="stepper" aria-label={t('deals.room.stepperLabel')}>
      {steps.map((stage, index) => {
        const current = stage === deal.stage;
        const done = !current && visited.has(stage);
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
              <span className="visually-hidden"> ({t(`deals.room.stepState.${state}`)})</span>
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
