import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { provinceCodes, type StatsDto, sectors } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { exportStats, type FileFormat, getStats, queryKeys, type StatsFilters, statsQuery } from '../../api';
import { useAuth } from '../../auth/useAuth';
import {
  Alert,
  Button,
  Card,
  DateField,
  EmptyState,
  Field,
  PageLoader,
  ProvincePicker,
  Select,
} from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatMoney, formatNumber } from '../../lib/format';
import { saveBlob } from '../../lib/saveBlob';
import { codeOptions, isCode, provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { StatsCharts } from './StatsCharts';

const provinceCodesSet = new Set(provinceCodes);
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): StatsFilters {
  const date = (name: string) => {
    const value = params.get(name);
    return value && datePattern.test(value) ? value : undefined;
  };
  const sector = params.get('sector');
  const province = params.get('province');
  return {
    from: date('from'),
    to: date('to'),
    sector: isCode(sectors, sector) ? sector : undefined,
    province: province && provinceCodesSet.has(province) ? province : undefined,
    scope: params.get('scope') === 'national' ? 'national' : undefined,
  };
}

/** /stats: platform statistics for administrators and agencies. Filters live in the URL. */
export function StatsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stats.title'));
  const lang = useLang();
  const { organization } = useAuth();
  const isAgency = organization?.type === 'agency';
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const key = statsQuery(filters).toString();
  const query = useQuery({
    queryKey: queryKeys.stats(key),
    queryFn: ({ signal }) => getStats(filters, signal),
    placeholderData: keepPreviousData,
  });
  const [exporting, setExporting] = useState<FileFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  function update(name: keyof StatsFilters, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  async function download(format: FileFormat) {
    setExportError(null);
    setExporting(format);
    try {
      const blob = await exportStats(filters, format);
      saveBlob(blob, `techbridge-stats-${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (err) {
      setExportError(t('stats.exportFailed', { reason: describeApiError(err, t) }));
    } finally {
      setExporting(null);
    }
  }

  const hasFilters = key !== '';
  const stats = query.data?.data;

  return (
    <div className="container page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('stats.title')}</h1>
          <p className="page-header__subtitle">
            {!stats
              ? t('stats.subtitle')
              : stats.scope.provinces === 'all'
                ? t('stats.scope.national')
                : t('stats.scope.provinces', { list: stats.scope.provinces.map(provinceName).join(', ') })}
          </p>
        </div>
        <div className="button-row">
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              variant="secondary"
              size="sm"
              loading={exporting === format}
              disabled={exporting !== null}
              onClick={() => download(format)}
            >
              {t(`stats.export.${format}`)}
            </Button>
          ))}
        </div>
      </header>
      {exportError && <Alert tone="error">{exportError}</Alert>}

      <Card as="section" className="stats-filters" aria-labelledby="stats-filters-title">
        <h2 className="visually-hidden" id="stats-filters-title">
          {t('stats.filters.title')}
        </h2>
        <div className="stats-filters__grid">
          <Field name="stats.from" label={t('stats.filters.from')}>
            {(props) => (
              <DateField
                {...props}
                value={filters.from ?? ''}
                max={filters.to}
                onChange={(iso) => update('from', iso || undefined)}
              />
            )}
          </Field>
          <Field name="stats.to" label={t('stats.filters.to')}>
            {(props) => (
              <DateField
                {...props}
                value={filters.to ?? ''}
                min={filters.from}
                onChange={(iso) => update('to', iso || undefined)}
              />
            )}
          </Field>
          <Field name="stats.sector" label={t('stats.filters.sector')}>
            {(props) => (
              <Select
                {...props}
                value={filters.sector ?? ''}
                options={[{ value: '', label: t('stats.filters.allSectors') }, ...codeOptions(sectors, lang)]}
                onChange={(e) => update('sector', e.target.value || undefined)}
              />
            )}
          </Field>
          <Field name="stats.province" label={t('stats.filters.province')}>
            {(props) => (
              <ProvincePicker
                {...props}
                value={filters.province ?? ''}
                emptyLabel={t('stats.filters.allProvinces')}
                onChange={(code) => update('province', code || undefined)}
              />
            )}
          </Field>
        </div>
        <div className="toolbar">
          {isAgency && (
            <label className="choice choice--standalone">
              <input
                type="checkbox"
                className="choice__input"
                checked={filters.scope === 'national'}
                onChange={(e) => update('scope', e.target.checked ? 'national' : undefined)}
              />
              <span className="choice__label">{t('stats.filters.national')}</span>
            </label>
          )}
          {hasFilters && (
            <Button variant="ghost" size="sm" onClick={() => setParams({}, { replace: true })}>
              {t('stats.filters.reset')}
            </Button>
          )}
        </div>
      </Card>

      {query.isPending && <PageLoader />}
      {query.isError && !stats && (
        <Alert tone="error" title={t('stats.loadFailed')}>
          <p>{describeApiError(query.error, t)}</p>
          <Button variant="secondary" size="sm" onClick={() => query.refetch()}>
            {t('stats.retry')}
          </Button>
        </Alert>
      )}
      {stats && (
        <div className="stats-body" aria-busy={query.isFetching}>
          {query.isError && <Alert tone="error">{describeApiError(query.error, t)}</Alert>}
          <Kpis stats={stats} />
          {stats.listings.total === 0 && stats.outcomes.count === 0 ? (
            <EmptyState title={t('stats.empty.title')} icon="search">
              <p>{hasFilters ? t('stats.empty.filtered') : t('stats.empty.body')}</p>
            </EmptyState>
          ) : (
            <StatsCharts stats={stats} />
          )}
        </div>
      )}
    </div>
  );
}

function Kpis({ stats }: { stats: StatsDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (value: number) => formatNumber(value, lang);
  const median = stats.timeToFirstContact.medianDays;
  const items = [
    { key: 'listings', value: n(stats.listings.total) },
    { key: 'matches', value: n(stats.matches.total) },
    { key: 'deals', value: n(stats.deals.total) },
    { key: 'won', value: n(stats.funnel.won) },
    { key: 'value', value: formatMoney(stats.outcomes.valueVnd) },
    {
      key: 'firstContact',
      value:
        median === null
          ? t('stats.kpi.noData')
          : t('stats.kpi.days', { count: median, value: formatNumber(Math.round(median * 10) / 10, lang) }),
      hint: t('stats.kpi.firstContactHint', { count: stats.timeToFirstContact.n }),
    },
  ];
  return (
    <section aria-labelledby="stats-kpi-title">
      <h2 className="visually-hidden" id="stats-kpi-title">
        {t('stats.kpi.title')}
      </h2>
      <dl className="kpi-grid">
        {items.map((item) => (
          <div key={item.key} className="kpi">
            <dt className="kpi__label">{t(`stats.kpi.${item.key}` as 'stats.kpi.listings')}</dt>
            <dd className="kpi__value">{item.value}</dd>
            {item.hint && <dd className="kpi__hint">{item.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
