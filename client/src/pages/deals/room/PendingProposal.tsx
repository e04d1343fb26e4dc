import type { DealDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { answerIntroduction, answerStageProposal } from '../../../api/deals';
import { sideOfRole } from '../../../components/deals/dealHelpers';
import { Alert, Button } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { formatDate, formatMoney } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import { useDealUpdate } from './useDealUpdate';

/** A stage change one side proposed: what, by whom, who must still confirm; confirm, decline or withdraw. */
export function PendingProposal({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const answer = useDealUpdate(deal.id, (kind: 'confirm' | 'decline') =>
    answerStageProposal(deal.id, kind, { stage: deal.pending!.stage }),
  );
  const pending = deal.pending;
  if (!pending) return null;
  const stage = t(`deals.stages.${pending.stage}`);
  const waitingFor = pending.awaiting.map((r) => t(`deals.parties.${sideOfRole(deal, r)}`)).join(', ');
  return (
    <div className="pending-proposal" role="status">
      <p className="pending-proposal__title">
        {t('deals.pending.title', {
          name: pending.by.name,
          side: t(`deals.parties.${sideOfRole(deal, pending.by.role)}`),
          stage,
        })}
      </p>
      {pending.outcome && (
        <p className="pending-proposal__outcome">
          {t('deals.pending.outcome', {
            value: formatMoney(pending.outcome.valueVnd),
            date: formatDate(pending.outcome.date, lang),
          })}
        </p>
      )}
      {pending.note && <p className="prose">{pending.note}</p>}
      <p className="muted">{t('deals.pending.waiting', { parties: waitingFor })}</p>
      {answer.isError && <Alert tone="error">{describeApiError(answer.error, t)}</Alert>}
      <div className="button-stack">
        {deal.policies.confirm && (
          <Button
            loading={answer.isPending && answer.variables === 'confirm'}
            disabled={answer.isPending}
            onClick={() => answer.mutate('confirm')}
          >
            {t('deals.pending.confirm', { stage })}
          </Button>
        )}
        {(deal.policies.confirm || deal.policies.withdraw) && (
          <Button
            variant="secondary"
            loading={answer.isPending && answer.variables === 'decline'}
            disabled={answer.isPending}
            onClick={() => answer.mutate('decline')}
          >
            {deal.policies.withdraw ? t('deals.pending.withdraw') : t('deals.pending.decline')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** A broker's introduction: who introduced whom, and the parties' acceptance. */
export function IntroductionPanel({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const answer = useDealUpdate(deal.id, (accept: boolean) => answerIntroduction(deal.id, accept));
  const intro = deal.introduction;
  if (!intro || intro.complete) return null;
  return (
    <div className="pending-proposal" role="status">
      <p className="pending-proposal__title">{t('deals.introduction.title', { broker: intro.by.name })}</p>
      <p className="prose">{intro.note}</p>
      <p className="muted">
        {t('deals.introduction.accepted', {
          parties: intro.accepted.map((r) => t(`deals.parties.${sideOfRole(deal, r)}`)).join(', ') || '—',
        })}
      </p>
      {answer.isError && <Alert tone="error">{describeApiError(answer.error, t)}</Alert>}
      {deal.policies.acceptIntroduction && (
        <div className="button-stack">
          <Button
            loading={answer.isPending && answer.variables === true}
            disabled={answer.isPending}
            onClick={() => answer.mutate(true)}
          >
            {t('deals.introduction.accept')}
          </Button>
          <Button variant="secondary" disabled={answer.isPending} onClick={() => answer.mutate(false)}>
            {t('deals.introduction.decline')}
          </Button>
        </div>
      )}
    </div>
  );
}
