import type { DealDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { priceRange } from '../../../components/deals/dealMoney';
import { Badge, Card, CardHeader } from '../../../components/ui';
import { ProposalFiles } from '../../proposals/ProposalFiles';

/** The structured proposal this deal was opened with, and the demand owner's decision. */
export function ProposalCard({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const p = deal.proposal;
  if (!p) return null;
  return (
    <Card as="section" aria-labelledby="proposal-title">
      <CardHeader
        id="proposal-title"
        title={t('proposals.card.title')}
        actions={
          <Badge tone={p.status === 'shortlisted' ? 'success' : p.status === 'declined' ? 'neutral' : 'info'}>
            {t(`proposals.status.${p.status}`)}
          </Badge>
        }
      />
      {p.status === 'declined' && p.reason && (
        <p className="muted">{t('proposals.card.declined', { reason: p.reason })}</p>
      )}
      <dl className="details">
        <div className="details__row">
          <dt className="details__label">{t('proposals.fields.approach')}</dt>
          <dd className="details__value prose">{p.approach}</dd>
        </div>
        <div className="details__row">
          <dt className="details__label">{t('proposals.fields.price')}</dt>
          <dd className="details__value">{priceRange(p.priceMinVnd, p.priceMaxVnd)}</dd>
        </div>
        <div className="details__row">
          <dt className="details__label">{t('proposals.fields.timeline')}</dt>
          <dd className="details__value">{t('proposals.months', { count: p.timelineMonths })}</dd>
        </div>
        <div className="details__row">
          <dt className="details__label">{t('proposals.fields.trl')}</dt>
          <dd className="details__value">
            TRL {p.trl} — {p.trlEvidence}
          </dd>
        </div>
        <div className="details__row">
          <dt className="details__label">{t('proposals.fields.files')}</dt>
          <dd className="details__value">
            <ProposalFiles files={p.attachments} />
          </dd>
        </div>
      </dl>
      {deal.role === 'owner' && deal.demand && (
        <p>
          <Link to={`/demands/${deal.demand.id}/proposals`}>{t('proposals.compare.open')}</Link>
        </p>
      )}
    </Card>
  );
}
