import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MandateDto } from '@techbridge/shared';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { decideMandate, getMandates, requestMandate } from '../../api/deals';
import { queryKeys } from '../../api/queryKeys';
import { listOrganizations } from '../../api/search';
import { useAuth } from '../../auth/useAuth';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Badge, Button, Card, CardHeader, Field, Input, Select } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatMoney } from '../../lib/format';

/** A mandate's commission terms in words. */
function terms(m: MandateDto, t: TFunction): string {
  const parts = [
    m.commission.percent !== null ? t('mandates.percent', { percent: m.commission.percent }) : null,
    m.commission.fixedVnd !== null ? formatMoney(m.commission.fixedVnd) : null,
    m.commission.note,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('mandates.noTerms');
}

/** The broker asks an organisation for a mandate, with its commission terms. */
function RequestMandate() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [org, setOrg] = useState('');
  const [percent, setPercent] = useState('');
  const [note, setNote] = useState('');
  const orgs = useQuery({
    queryKey: queryKeys.organizations(''),
    queryFn: async ({ signal }) => {
      const types = ['research_institute', 'university', 'enterprise', 'agency'];
      return (await Promise.all(types.map((type) => listOrganizations(type, '', signal)))).flatMap((r) => r.data);
    },
  });
  const ask = useMutation({
    mutationFn: () =>
      requestMandate({
        clientOrgId: org,
        commission: {
          ...(percent ? { percent: Number(percent.replace(',', '.')) } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      }),
    onSuccess: () => {
      setOrg('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.mandates });
    },
  });
  return (
    <form
      className="invite"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (org) ask.mutate();
      }}
    >
      <Field name="mandateClient" label={t('mandates.request.client')}>
        {(p) => (
          <Select
            {...p}
            value={org}
            placeholder={orgs.isPending ? t('common.loading') : t('mandates.request.choose')}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(e) => setOrg(e.target.value)}
          />
        )}
      </Field>
      <Field name="mandatePercent" label={t('mandates.request.percent')}>
        {(p) => <Input {...p} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />}
      </Field>
      <Field name="mandateNote" label={t('mandates.request.note')}>
        {(p) => <Input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {ask.isError && <Alert tone="error">{describeApiError(ask.error, t)}</Alert>}
      {ask.isSuccess && (
        <Alert tone="success" live>
          {t('mandates.request.sent')}
        </Alert>
      )}
      <Button type="submit" size="sm" disabled={!org} loading={ask.isPending}>
        {t('mandates.request.submit')}
      </Button>
    </form>
  );
}

/**
 * Mandates: a broker's (with the request form and a link to each client's
 * listings) or a client's (accept, decline, end).
 */
export function MandatesCard() {
  const { t } = useTranslation();
  const { organization } = useAuth();
  const queryClient = useQueryClient();
  const broker = organization?.type === 'intermediary';
  const query = useQuery({ queryKey: queryKeys.mandates, queryFn: ({ signal }) => getMandates(signal) });
  const decide = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'accept' | 'decline' | 'end' }) => decideMandate(id, action),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.mandates }),
  });
  if (!broker && !query.data?.data.length) return null;
  return (
    <Card as="section" aria-labelledby="mandates-title" id="mandates">
      <CardHeader id="mandates-title" title={t(broker ? 'mandates.titleBroker' : 'mandates.titleClient')} />
      {broker && <RequestMandate />}
      {decide.isError && <Alert tone="error">{describeApiError(decide.error, t)}</Alert>}
      <QueryView
        query={query}
        errorTitle={t('mandates.loadFailed')}
        empty={<p className="muted">{t('mandates.empty')}</p>}
      >
        {({ data }) => (
          <ul className="mandates">
            {data.map((m) => {
              const other = broker ? m.client : m.broker;
              return (
                <li key={m.id} className="mandates__item">
                  <p>
                    <strong>{other.name}</strong>{' '}
                    <Badge tone={m.status === 'active' ? 'success' : m.status === 'requested' ? 'warning' : 'neutral'}>
                      {t(`mandates.status.${m.status}`)}
                    </Badge>
                  </p>
                  <p className="muted">{terms(m, t)}</p>
                  <div className="button-stack">
                    {broker && m.status === 'active' && (
                      <Link to={`/broker/mandates/${m.id}`}>{t('mandates.portfolio', { client: m.client.name })}</Link>
                    )}
                    {m.policies.accept && (
                      <Button
                        size="sm"
                        onClick={() => decide.mutate({ id: m.id, action: 'accept' })}
                        aria-label={t('mandates.acceptNamed', { broker: m.broker.name })}
                      >
                        {t('mandates.accept')}
                      </Button>
                    )}
                    {m.policies.decline && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => decide.mutate({ id: m.id, action: 'decline' })}
                      >
                        {t('mandates.decline')}
                      </Button>
                    )}
                    {m.policies.end && (
                      <Button
                        size="sm"
                        variant="ghost"
                        className="btn--danger-text"
                        onClick={() => decide.mutate({ id: m.id, action: 'end' })}
                      >
                        {t('mandates.end')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Card>
  );
}
