import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DealDto, type DealStage, dealStages } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeDealStage, type StageChangeInput } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { Alert, Button, Field, Select } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { LostDialog, WonDialog } from './OutcomeDialogs';

/**
 * Moves the deal to another stage; "won" asks for the contract, "lost" for an
 * optional reason. `onChanged` reports success to the parent, because closing
 * a deal removes this control.
 */
export function StageControl({ deal, onChanged }: { deal: DealDto; onChanged: (stage: DealStage) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<DealStage | ''>('');
  const [dialog, setDialog] = useState<'won' | 'lost' | null>(null);
  const change = useMutation({
    mutationFn: (input: StageChangeInput) => changeDealStage(deal.id, input),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.deal(deal.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealAudit(deal.id) });
      onChanged(result.data.stage);
      setStage('');
      setDialog(null);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stage) return;
    if (stage === 'won' || stage === 'lost') {
      change.reset();
      setDialog(stage);
      return;
    }
    change.mutate({ stage });
  }

  const options = dealStages.filter((s) => s !== deal.stage).map((s) => ({ value: s, label: t(`deals.stages.${s}`) }));

  return (
    <>
      <form className="stage-control" onSubmit={onSubmit} aria-labelledby="stage-control-title">
        <h2 className="visually-hidden" id="stage-control-title">
          {t('deals.room.changeStage')}
        </h2>
        <div className="stage-control__row">
          <Field name="stage" label={t('deals.room.moveTo')}>
            {(props) => (
              <Select
                {...props}
                value={stage}
                placeholder={t('deals.room.choose')}
                options={options}
                onChange={(e) => setStage(e.target.value as DealStage)}
              />
            )}
          </Field>
          <Button type="submit" disabled={!stage} loading={change.isPending && !dialog}>
            {t('deals.room.apply')}
          </Button>
        </div>
        {change.isError && !dialog && <Alert tone="error">{describeApiError(change.error, t)}</Alert>}
      </form>
      <WonDialog
        open={dialog === 'won'}
        pending={change.isPending}
        error={change.error}
        onCancel={() => setDialog(null)}
        onSubmit={(outcome) => change.mutate({ stage: 'won', outcome })}
      />
      <LostDialog
        open={dialog === 'lost'}
        pending={change.isPending}
        error={change.error}
        onCancel={() => setDialog(null)}
        onSubmit={(note) => change.mutate({ stage: 'lost', note: note || undefined })}
      />
    </>
  );
}
