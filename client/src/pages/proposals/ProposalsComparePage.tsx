import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealDto } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { decideProposal, getProposals } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { QueryView } from '../../components/data/QueryView';
import { priceRange } from '../../components/deals/dealMoney';
import { Alert, Badge, type BadgeTone, Button, EmptyState, Field, Modal, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { usePageTitle } from '../../lib/usePageTitle';
import { useListing } from '../listing/useListing';
import { ProposalFiles } from './ProposalFiles';

const tones: Record<NonNullable<DealDto['proposal']>['status'], BadgeTone> = {
  submitted: 'info',
  shortlisted: 'success',
  declined: 'neutral',
};

function DeclineDialog({ deal, onClose }: { deal: DealDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decline = useMutation({
    mutationFn: () => decideProposal(deal!.id, 'decline', reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.dealsAll });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal
      open={!!deal}
      title={t('proposals.decline.title', { organization: deal?.initiator.name ?? '' })}
      onClose={onClose}
      busy={decline.isPending}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        decline.mutate();
      }}
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={decline.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={decline.isPending} disabled={reason.trim().length < 5}>
            {t('proposals.decline.submit')}
          </Button>
        </>
      }
    >
      <p className="muted">{t('proposals.decline.lead')}</p>
      {decline.isError && <Alert tone="error">{describeApiError(decline.error, t)}</Alert>}
      <Field name="declineReason" label={t('proposals.decline.reason')} required>
        {(p) => (
          <Textarea {...p} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
    </Modal>
  );
}

/** /demands/:id/proposals — the demand's owner compares the proposals side by side, shortlists or declines. */
export function ProposalsComparePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const demand = useListing('demand', id);
  usePageTitle(t('proposals.compare.title'));
  const query = useQuery({ queryKey: queryKeys.proposals(id), queryFn: ({ signal }) => getProposals(id, signal) });
  const [declining, setDeclining] = useState<DealDto | null>(null);
  const shortlist = useMutation({
    mutationFn: (dealId: string) => decideProposal(dealId, 'shortlist'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.dealsAll }),
  });

  const rows: { key: string; label: string; cell: (d: DealDto) => React.ReactNode }[] = [
    {
      key: 'status',
      label: t('proposals.fields.status'),
      cell: (d) => <Badge tone={tones[d.proposal!.status]}>{t(`proposals.status.${d.proposal!.status}`)}</Badge>,
    },
    {
      key: 'approach',
      label: t('proposals.fields.approach'),
      cell: (d) => <p className="prose">{d.proposal!.approach}</p>,
    },
    {
      key: 'price',
      label: t('proposals.fields.price'),
      cell: (d) => priceRange(d.proposal!.priceMinVnd, d.proposal!.priceMaxVnd),
    },
    {
      key: 'timeline',
      label: t('proposals.fields.timeline'),
      cell: (d) => t('proposals.months', { count: d.proposal!.timelineMonths }),
    },
    { key: 'trl', label: t('proposals.fields.trl'), cell: (d) => `TRL ${d.proposal!.trl}` },
    {
      key: 'evidence',
      label: t('proposals.fields.trlEvidence'),
      cell: (d) => <p className="prose">{d.proposal!.trlEvidence}</p>,
    },
    {
      key: 'offer',
      label: t('proposals.fields.offer'),
      cell: (d) => (d.offer ? <Link to={`/offers/${d.offer.id}`}>{d.offer.title}</Link> : '—'),
    },
    {
      key: 'files',
      label: t('proposals.fields.files'),
      cell: (d) => <ProposalFiles files={d.proposal!.attachments} />,
    },
  ];

  return (
    <div className="container page">
      <p className="breadcrumb">
        <Link to={`/demands/${id}`}>
          <span aria-hidden="true">‹ </span>
          {demand.data?.data.title ?? t('proposals.compare.back')}
        </Link>
      </p>
      <header className="page-intro">
        <h1 className="page-header__title">{t('proposals.compare.title')}</h1>
        <p className="page-header__subtitle">{t('proposals.compare.lead')}</p>
      </header>
      {shortlist.isError && <Alert tone="error">{describeApiError(shortlist.error, t)}</Alert>}
      <QueryView
        query={query}
        errorTitle={t('proposals.compare.loadFailed')}
        empty={
          <EmptyState title={t('proposals.compare.empty')}>
            <p>{t('proposals.compare.emptyBody')}</p>
          </EmptyState>
        }
      >
        {({ data }) => (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the wide comparison scrolls sideways and must be reachable by keyboard.
          <section className="compare" tabIndex={0} aria-label={t('proposals.compare.title')}>
            <table className="compare__table">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('proposals.compare.criterion')}</span>
                  </th>
                  {data.map((d) => (
                    <th key={d.id} scope="col" className="compare__party">
                      <Link to={`/deals/${d.id}`}>{d.initiator.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {data.map((d) => (
                      <td key={d.id}>{row.cell(d)}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('proposals.compare.decide')}</th>
                  {data.map((d) => (
                    <td key={d.id}>
                      {d.proposal!.status === 'declined' ? (
                        <span className="muted">{d.proposal!.reason}</span>
                      ) : (
                        <div className="button-stack">
                          {d.proposal!.status === 'submitted' && (
                            <Button
                              size="sm"
                              loading={shortlist.isPending && shortlist.variables === d.id}
                              onClick={() => shortlist.mutate(d.id)}
                              aria-label={t('proposals.compare.shortlistNamed', { organization: d.initiator.name })}
                            >
                              {t('proposals.compare.shortlist')}
                            </Button>
                          )}
                          <Button
                            size="sm"
                            variant="ghost"
                            className="btn--danger-text"
                            onClick={() => setDeclining(d)}
                            aria-label={t('proposals.compare.declineNamed', { organization: d.initiator.name })}
                          >
                            {t('proposals.compare.decline')}
                          </Button>
                        </div>
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </section>
        )}
      </QueryView>
      <DeclineDialog deal={declining} onClose={() => setDeclining(null)} />
    </div>
  );
}
