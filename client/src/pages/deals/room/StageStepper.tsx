import type { DealDto } from '@techbridge/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { stepStates } from '../../../components/deals/dealHelpers';
import { formatDate } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';

/**
 * interest → contacted → nda → negotiation → agreement → won (or lost), as
 * the deal really went: visited steps done, passed-over steps "skipped", the
 * NDA step with the agreement's own state, and a proposed closing shown on
 * the step it would reach.
 */
export function StageStepper({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const steps = stepStates(deal);
  const listRef = useRef<HTMLOListElement>(null);

  // On narrow screens the stepper scrolls sideways: keep the current stage in view.
  const currentIndex = steps.findIndex((s) => s.state === 'current');
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
      {steps.map(({ stage, state }, index) => {
        const at = enteredAt(stage);
        const ndaNote = stage === 'nda' && deal.nda.required && deal.nda.status !== 'none';
        const proposed = deal.pending?.stage === stage;
        return (
          <li
            key={stage}
            className={`stepper__step stepper__step--${state}${stage === 'lost' ? ' stepper__step--lost' : ''}${proposed ? ' stepper__step--proposed' : ''}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span
              className={`stepper__marker${state === 'skipped' ? ' stepper__marker--skipped' : ''}${proposed ? ' stepper__marker--proposed' : ''}`}
              aria-hidden="true"
            >
              {state === 'done' ? '✓' : state === 'skipped' ? '–' : index + 1}
            </span>
            <span className="stepper__label">
              {t(`deals.stages.${stage}`)}
              <span className="visually-hidden"> ({t(`deals.room.stepState.${state}`)})</span>
              {state === 'skipped' && <span className="stepper__note">{t('deals.room.stepState.skipped')}</span>}
              {ndaNote && <span className="stepper__note">{t(`deals.nda.status.${deal.nda.status}`)}</span>}
              {proposed && <span className="stepper__note">{t('deals.pending.short')}</span>}
              {at && (state === 'current' || state === 'done') && (
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
