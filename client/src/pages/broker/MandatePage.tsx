import { useMutation, useQuery } from '@tanstack/react-query';
import type { MandatePortfolioDto } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getPortfolio, introduce } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { QueryView } from '../../components/data/QueryView';
import { listingHref } from '../../components/listings/ListingCard';
import { Alert, Button, Card, Field, Modal, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { usePageTitle } from '../../lib/usePageTitle';

type Listing = MandatePortfolioDto['listings'][number];
type Pick = { listing: Listing; match: Listing['matches'][number] };

/** /broker/mandates/:id — a client's listings and their matches; the broker introduces a pair. */
export function MandatePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('mandates.portfolioTitle'));
  const query = useQuery({ queryKey: queryKeys.portfolio(id), queryFn: ({ signal }) => getPortfolio(id, signal) });
  const [picked, setPicked] = useState<Pick | null>(null);
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: (p: Pick) =>
      introduce({
        mandateId: id,
        offerId: p.listing.type === 'offer' ? p.listing.id : p.match.counterpart.id,
        demandId: p.listing.type === 'demand' ? p.listing.id : p.match.counterpart.id,
        note: note.trim(),
      }),
    onSuccess: (deal) => navigate(`/deals/${deal.id}`),
  });

  return (
    <div className="container page">
      <p className="breadcrumb">
        <Link to="/broker">
          <span aria-hidden="true">‹ </span>
          {t('broker.title')}
        </Link>
      </p>
      <QueryView query={query} errorTitle={t('mandates.loadFailed')}>
        {({ data }) => (
          <>
            <header className="page-intro">
              <h1 className="page-header__title">{t('mandates.portfolioOf', { client: data.mandate.client.name })}</h1>
              <p className="page-header__subtitle">{t('mandates.portfolioLead')}</p>
            </header>
            <div className="portfolio">
              {data.listings.map((l) => (
                <Card as="article" key={l.id} aria-labelledby={`pf-${l.id}`}>
                  <h2 className="card__title" id={`pf-${l.id}`}>
                    <Link to={listingHref(l.type, l.id)}>{l.title}</Link>
                  </h2>
                  <p className="muted">
                    {t(`listing.type.${l.type}`)} · {t(`listing.status.${l.status}` as 'listing.status.draft')}
                  </p>
                  {l.matches.length === 0 ? (
                    <p className="muted">{t('mandates.noMatches')}</p>
                  ) : (
                    <ul className="plain-list">
                      {l.matches.map((m) => (
                        <li key={m.id} className="portfolio__match">
                          <span>
                            {m.score} ·{' '}
                            <Link to={listingHref(m.counterpart.type, m.counterpart.id)}>{m.counterpart.title}</Link> —{' '}
                            {m.counterpart.organization.name}
                          </span>
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => {
                              send.reset();
                              setPicked({ listing: l, match: m });
                            }}
                            aria-label={t('mandates.introduceNamed', { title: m.counterpart.title })}
                          >
                            {t('mandates.introduce')}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              ))}
            </div>
          </>
        )}
      </QueryView>
      <Modal
        open={!!picked}
        title={t('mandates.introduceTitle')}
        onClose={() => setPicked(null)}
        busy={send.isPending}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (picked) send.mutate(picked);
        }}
        actions={
          <>
            <Button variant="secondary" onClick={() => setPicked(null)} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} disabled={note.trim().length < 20}>
              {t('mandates.introduceSubmit')}
            </Button>
          </>
        }
      >
        {picked && <p>{t('mandates.introduceLead', { a: picked.listing.title, b: picked.match.counterpart.title })}</p>}
        {send.isError && <Alert tone="error">{describeApiError(send.error, t)}</Alert>}
        <Field
          name="introNote"
          label={t('mandates.introduceNote')}
          hint={t('deals.intro.hint', { count: note.trim().length })}
          required
        >
          {(p) => <Textarea {...p} rows={5} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </Modal>
    </div>
  );
}
