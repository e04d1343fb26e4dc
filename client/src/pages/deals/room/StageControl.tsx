import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DealDto, DealStage } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeDealStage, newRequestKey, type StageChangeInput } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { Alert, Button, Field, Select } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { LostDialog, WonDialog } from './OutcomeDialogs';

/**
 * The stage changes the viewer may make (the server's stage table, from the
 * deal's policies): a move applies at once; closing or reopening is sent as
 * a proposal the other side confirms. "won" asks for the contract, "lost"
 * for a reason. One request key per attempt, so a retry applies once.
 */
export function StageControl({ deal, onChanged }: { deal: DealDto; onChanged: (stage: DealStage) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<DealStage | ''>('');
  const [dialog, setDialog] = useState<'won' | 'lost' | null>(null);
  const [key, setKey] = useState(newRequestKey);
  const change = useMutation({
    mutationFn: (input: StageChangeInput) => changeDealStage(deal.id, input, key),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.deal(deal.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealAudit(deal.id) });
      onChanged(result.data.stage);
      setStage('');
      setDialog(null);
      setKey(newRequestKey());
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

  const options = deal.policies.stages.map(({ stage: s, action }) => ({
    value: s,
    label:
      action === 'propose' ? t('deals.room.proposeOption', { stage: t(`deals.stages.${s}`) }) : t(`deals.stages.${s}`),
  }));
  const proposing = deal.policies.stages.find((s) => s.stage === stage)?.action === 'propose';

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
            {proposing ? t('deals.room.propose') : t('deals.room.apply')}
          </Button>
        </div>
        {proposing && <p className="muted stage-control__hint">{t('deals.room.proposeHint')}</p>}
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
