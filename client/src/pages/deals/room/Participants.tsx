import { useQuery } from '@tanstack/react-query';
import { type DealDto, labelOf, organizationTypes, transferModes } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inviteIntermediary } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { listOrganizations } from '../../../api/search';
import { dealSides } from '../../../components/deals/dealHelpers';
import { Alert, Button, Card, CardHeader, Field, Select } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { formatDate, formatMoney } from '../../../lib/format';
import { provinceName } from '../../../lib/taxonomy';
import { useLang } from '../../../lib/useLang';
import { useDealUpdate } from './useDealUpdate';

function InviteIntermediary({ deal, onInvited }: { deal: DealDto; onInvited: (name: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const orgs = useQuery({
    queryKey: queryKeys.intermediaries(''),
    queryFn: ({ signal }) => listOrganizations('intermediary', '', signal),
  });
  const invite = useDealUpdate(deal.id, (organizationId: string) => inviteIntermediary(deal.id, organizationId));
  const options = (orgs.data?.data ?? [])
    .filter((o) => o.id !== deal.intermediary?.id)
    .map((o) => ({
      value: o.id,
      label: `${o.name} · ${provinceName(o.province)}${o.verified ? ` · ${t('account.organization.verified')}` : ''}`,
    }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    invite.mutate(chosen, {
      onSuccess: (result) => {
        setChosen('');
        onInvited(result.data.intermediary?.name ?? '');
      },
    });
  }

  return (
    <form className="invite" onSubmit={submit}>
      <Field
        name="intermediary"
        label={deal.intermediary ? t('deals.intermediary.replace') : t('deals.intermediary.invite')}
        hint={t('deals.intermediary.hint')}
        error={orgs.isError ? describeApiError(orgs.error, t) : undefined}
      >
        {(props) => (
          <Select
            {...props}
            value={chosen}
            disabled={!orgs.data}
            placeholder={orgs.isPending ? t('common.loading') : t('deals.intermediary.choose')}
            options={options}
            onChange={(e) => setChosen(e.target.value)}
          />
        )}
      </Field>
      {orgs.data && options.length === 0 && <p className="muted">{t('deals.intermediary.none')}</p>}
      {orgs.isError && (
        <Button variant="secondary" size="sm" onClick={() => void orgs.refetch()}>
          {t('common.retry')}
        </Button>
      )}
      {invite.isError && <Alert tone="error">{describeApiError(invite.error, t)}</Alert>}
      <Button type="submit" variant="secondary" size="sm" disabled={!chosen} loading={invite.isPending}>
        {t('deals.intermediary.submit')}
      </Button>
    </form>
  );
}

/** Who takes part: the listing's owner, the interested party and the broker, if any; plus the outcome. */
export function Participants({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  // The invite form disappears once a broker is in, so the confirmation lives here.
  const [invited, setInvited] = useState<string | null>(null);
  const sides = dealSides(deal);
  const rows = [
    { role: t('deals.parties.provider'), org: sides.provider },
    { role: t('deals.parties.need'), org: sides.need },
    ...(sides.intermediary ? [{ role: t('deals.parties.intermediary'), org: sides.intermediary }] : []),
  ];

  return (
    <Card as="section" aria-labelledby="participants-title">
      <CardHeader id="participants-title" title={t('deals.room.participants')} />
      <ul className="participants">
        {rows.map(({ role, org }) => (
          <li key={`${role}-${org.id}`} className="participants__item">
            <span className="participants__role">{role}</span>
            <Link to={`/organizations/${org.id}`}>{org.name}</Link>
            <span className="muted participants__type">{labelOf(organizationTypes, org.type, lang)}</span>
          </li>
        ))}
      </ul>
      {deal.outcome && (
        <div className="outcome">
          <h3 className="listing-subtitle">{t('deals.room.outcome')}</h3>
          <dl className="details">
            <div className="details__row">
              <dt className="details__label">{t('deals.won.contractType')}</dt>
              <dd className="details__value">{labelOf(transferModes, deal.outcome.contractType, lang)}</dd>
            </div>
            <div className="details__row">
              <dt className="details__label">{t('deals.won.value')}</dt>
              <dd className="details__value">{formatMoney(deal.outcome.valueVnd)}</dd>
            </div>
            <div className="details__row">
              <dt className="details__label">{t('deals.won.date')}</dt>
              <dd className="details__value">{formatDate(deal.outcome.date, lang)}</dd>
            </div>
            {deal.outcome.note && (
              <div className="details__row">
                <dt className="details__label">{t('deals.won.note')}</dt>
                <dd className="details__value prose">{deal.outcome.note}</dd>
              </div>
            )}
          </dl>
        </div>
      )}
      {invited !== null && (
        <Alert tone="success" live>
          {t('deals.intermediary.invited', { name: invited })}
        </Alert>
      )}
      {deal.policies.invite && <InviteIntermediary deal={deal} onInvited={setInvited} />}
    </Card>
  );
}
