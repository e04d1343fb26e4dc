import { labelOf, type StatsDto, sectors, transferModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../lib/format';
import { provinceName } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { BarChart, type ChartDatum, ColumnChart } from './charts';
import { FeedbackChart } from './FeedbackChart';

const TOP = 15;

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort((a, b) => b[1] - a[1]);
}

/** "2025-03" → "03/2025" (vi) / "Mar 2025" (en); other keys as they are. */
function monthLabel(key: string, lang: 'vi' | 'en'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The chart section of /stats: the funnel, why matches were dismissed, months, sectors, provinces and outcomes. */
export function StatsCharts({ stats }: { stats: StatsDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (value: number) => formatNumber(value, lang);
  const percent = (value: number, of: number) =>
    of > 0
      ? new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(
          value / of,
        )
      : '—';

  const bySector: ChartDatum[] = sortedEntries(stats.listings.bySector).map(([code, value]) => ({
    key: code,
    label: labelOf(sectors, code, lang),
    value,
  }));
  const provinceAll: ChartDatum[] = sortedEntries(stats.listings.byProvince).map(([code, value]) => ({
    key: code,
    label: provinceName(code),
    value,
  }));
  const byProvince = provinceAll.slice(0, TOP);
  const byMonth: ChartDatum[] = Object.entries(stats.listings.byMonth)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([month, value]) => ({ key: month, label: monthLabel(month, lang), value }));

  const { funnel } = stats;
  const funnelSteps = ['listings', 'matched', 'deals', 'nda', 'won'] as const;
  const funnelData: ChartDatum[] = funnelSteps.map((step) => ({
    key: step,
    label: t(`stats.funnel.${step}`),
    value: funnel[step],
    note: percent(funnel[step], funnel.listings),
  }));

  const contractEntries = Object.entries(stats.outcomes.byContractType).sort((a, b) => b[1].valueVnd - a[1].valueVnd);
  const byContract: ChartDatum[] = contractEntries.map(([code, entry]) => ({
    key: code,
    label: labelOf(transferModes, code, lang),
    value: entry.valueVnd,
    note: t('stats.charts.contracts', { count: entry.count, value: n(entry.count) }),
  }));

  const countColumns: [string, string] = [t('stats.charts.category'), t('stats.charts.count')];

  return (
    <div className="stats-charts">
      <BarChart
        title={t('stats.charts.funnel')}
        description={t('stats.charts.funnelDesc', {
          listings: n(funnel.listings),
          won: n(funnel.won),
          rate: percent(funnel.won, funnel.listings),
        })}
        columns={[t('stats.charts.step'), t('stats.charts.count')]}
        data={funnelData}
        max={funnel.listings}
        format={n}
        tone="accent"
      />
      <FeedbackChart feedback={stats.matches.feedback} />
      {byMonth.length > 0 && (
        <ColumnChart
          title={t('stats.charts.byMonth')}
          description={t('stats.charts.byMonthDesc', { count: byMonth.length })}
          columns={[t('stats.charts.month'), t('stats.charts.count')]}
          data={byMonth}
          format={n}
        />
      )}
      {bySector.length > 0 && (
        <BarChart
          title={t('stats.charts.bySector')}
          description={t('stats.charts.barDesc', { count: bySector.length, top: bySector[0]?.label ?? '' })}
          columns={countColumns}
          data={bySector}
          format={n}
        />
      )}
      {byProvince.length > 0 && (
        <BarChart
          title={t('stats.charts.byProvince')}
          description={
            provinceAll.length > TOP
              ? t('stats.charts.topDesc', { count: TOP, total: provinceAll.length })
              : t('stats.charts.barDesc', { count: byProvince.length, top: byProvince[0]?.label ?? '' })
          }
          columns={countColumns}
          data={byProvince}
          format={n}
        />
      )}
      {byContract.length > 0 ? (
        <BarChart
          title={t('stats.charts.byContract')}
          description={t('stats.charts.byContractDesc', {
            count: stats.outcomes.count,
            value: formatMoney(stats.outcomes.valueVnd),
          })}
          columns={[t('stats.charts.contractType'), t('stats.charts.value')]}
          data={byContract}
          format={(value) => formatMoney(value)}
          tone="accent"
        />
      ) : (
        <p className="muted">{t('stats.charts.noOutcomes')}</p>
      )}
    </div>
  );
}
