import type { DealDto, DealStage } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui';
import { IntroductionPanel, PendingProposal } from './PendingProposal';
import { StageControl } from './StageControl';
import { StageStepper } from './StageStepper';

/** "Tiến độ": the stepper, a pending proposal or introduction, and the stage control. */
export function DealStageSection({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  // Shown while the deal is still where I moved it; someone else's later change makes it stale.
  const [changed, setChanged] = useState<DealStage | null>(null);
  return (
    <section className="card card--padded deal-stage" aria-labelledby="deal-stage-title">
      <h2 className="card__title" id="deal-stage-title">
        {t('deals.room.progress')}
      </h2>
      <StageStepper deal={deal} />
      <IntroductionPanel deal={deal} />
      <PendingProposal deal={deal} />
      {changed === deal.stage && !deal.pending && (
        <Alert tone="success" live>
          {t('deals.room.stageChanged', { stage: t(`deals.stages.${changed}`) })}
        </Alert>
      )}
      {deal.policies.changeStage && <StageControl deal={deal} onChanged={setChanged} />}
    </section>
  );
}
