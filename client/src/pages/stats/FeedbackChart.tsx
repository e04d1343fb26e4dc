import { matchFeedbackReasons } from '@techbridge/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { BarChart, type ChartDatum } from './charts';

const known = new Set<string>(matchFeedbackReasons);

/**
 * "Lý do 'Không phù hợp'": how often each reason was given when a match was
 * dismissed, most frequent first; every reason is listed, so a zero shows too.
 */
export function FeedbackChart({ feedback }: { feedback: Record<string, number> | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const uid = useId();
  const n = (value: number) => formatNumber(value, lang);
  const counts = feedback ?? {};
  const extra = Object.keys(counts).filter((key) => !known.has(key));
  const data: ChartDatum[] = [...matchFeedbackReasons, ...extra]
    .map((key) => ({
      key,
      label: known.has(key) ? t(`matches.dismiss.reasons.${key as (typeof matchFeedbackReasons)[number]}`) : key,
      value: counts[key] ?? 0,
    }))
    .sort((a, b) => b.value - a.value);
  const total = data.reduce((sum, d) => sum + d.value, 0);

  if (total === 0) {
    return (
      <figure className="chart" aria-labelledby={`${uid}-title`}>
        <figcaption className="chart__title" id={`${uid}-title`}>
          {t('stats.charts.feedback')}
        </figcaption>
        <p className="muted">{t('stats.charts.feedbackEmpty')}</p>
      </figure>
    );
  }

  return (
    <BarChart
      title={t('stats.charts.feedback')}
      description={t('stats.charts.feedbackDesc', { count: total, value: n(total), top: data[0]?.label ?? '' })}
      columns={[t('stats.charts.reason'), t('stats.charts.count')]}
      data={data}
      format={n}
    />
  );
}
