import { useQuery } from '@tanstack/react-query';
import { sectors } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type EventFilters, getEvents } from '../../api/events';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { QueryView } from '../../components/data/QueryView';
import { ButtonLink, EmptyState, Field, Select } from '../../components/ui';
import { codeOptions, provinceOptions } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { EventCard } from './EventCard';

/** Who may create events: administrators and members of agencies and intermediaries. */
export const canOrganize = (role?: string | null, orgType?: string | null) =>
  role === 'admin' || orgType === 'agency' || orgType === 'intermediary';

/** /events: published Techmarts and brokerage days, upcoming first; filters in the URL. */
export function EventsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('events.title'));
  const { status, user, organization } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters: EventFilters = {
    when: (params.get('when') as EventFilters['when']) || 'upcoming',
    province: params.get('province') ?? undefined,
    sector: params.get('sector') ?? undefined,
    mine: (params.get('mine') as EventFilters['mine']) || undefined,
  };
  const key = JSON.stringify(filters);
  const query = useQuery({
    queryKey: queryKeys.events(key),
    queryFn: ({ signal }) => getEvents(filters, signal),
    enabled: status !== 'loading' && (!filters.mine || status === 'authenticated'),
  });
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="container page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('events.title')}</h1>
          <p className="page-header__subtitle">{t('events.lead')}</p>
        </div>
        {status === 'authenticated' && canOrganize(user?.role, organization?.type) && (
          <ButtonLink to="/events/new">{t('events.create')}</ButtonLink>
        )}
      </header>
      <form className="event-filters" aria-label={t('events.filters.label')} onSubmit={(e) => e.preventDefault()}>
        <Field name="when" label={t('events.filters.when')}>
          {(props) => (
            <Select
              {...props}
              value={filters.when}
              onChange={(e) => set('when', e.target.value)}
              options={[
                { value: 'upcoming', label: t('events.filters.upcoming') },
                { value: 'past', label: t('events.filters.past') },
                { value: 'all', label: t('events.filters.all') },
              ]}
            />
          )}
        </Field>
        <Field name="province" label={t('events.filters.province')}>
          {(props) => (
            <Select
              {...props}
              value={filters.province ?? ''}
              onChange={(e) => set('province', e.target.value)}
              options={[{ value: '', label: t('events.filters.anyProvince') }, ...provinceOptions]}
            />
          )}
        </Field>
        <Field name="sector" label={t('events.filters.sector')}>
          {(props) => (
            <Select
              {...props}
              value={filters.sector ?? ''}
              onChange={(e) => set('sector', e.target.value)}
              options={[{ value: '', label: t('events.filters.anySector') }, ...codeOptions(sectors, lang)]}
            />
          )}
        </Field>
        {status === 'authenticated' && (
          <Field name="mine" label={t('events.filters.mine')}>
            {(props) => (
              <Select
                {...props}
                value={filters.mine ?? ''}
                onChange={(e) => set('mine', e.target.value)}
                options={[
                  { value: '', label: t('events.filters.everyone') },
                  { value: 'participating', label: t('events.filters.participating') },
                  ...(canOrganize(user?.role, organization?.type)
                    ? [{ value: 'organizing', label: t('events.filters.organizing') }]
                    : []),
                ]}
              />
            )}
          </Field>
        )}
      </form>
      <section aria-label={t('events.listLabel')}>
        <QueryView
          query={query}
          errorTitle={t('events.loadFailed')}
          empty={<EmptyState title={t('events.empty')} icon="search" />}
        >
          {({ data }) => (
            <div className="event-list">
              {data.map((event) => (
                <EventCard key={event.id} event={event} />
              ))}
            </div>
          )}
        </QueryView>
      </section>
    </div>
  );
}
