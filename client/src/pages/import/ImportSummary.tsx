import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api';
import { DataTable } from '../../components/data/DataTable';
import { Alert, Card } from '../../components/ui';
import { problemRows, summaryCounts, summaryTone } from './importModel';

interface ImportSummaryProps {
  result: ImportResult;
  typeLabel: string;
  n: (value: number) => string;
}

/** The outcome of a check or an import: the figures, then each problem by row and column. */
export function ImportSummary({ result, typeLabel, n }: ImportSummaryProps) {
  const { t } = useTranslation();
  const rows = problemRows(result.problems);
  return (
    <Card as="section" aria-labelledby="import-result-title">
      <Alert
        tone={summaryTone(result)}
        live
        title={result.dryRun ? t('import.checked', { type: typeLabel }) : t('import.done', { type: typeLabel })}
      >
        {result.dryRun && result.invalid === 0 && t('import.readyHint')}
        {result.dryRun && result.invalid > 0 && t('import.fixHint')}
      </Alert>
      <h2 className="section-title" id="import-result-title">
        {t('import.summary')}
      </h2>
      <dl className="kpi-grid">
        {summaryCounts(result).map((key) => (
          <div key={key} className="kpi">
            <dt className="kpi__label">{t(`import.counts.${key}`)}</dt>
            <dd className="kpi__value">{n(result[key])}</dd>
          </div>
        ))}
      </dl>
      {rows.length > 0 && (
        <DataTable
          caption={t('import.problems.title', { count: rows.length })}
          className="import-problems"
          rows={rows}
          rowKey={(row) => row.key}
          columns={[
            { key: 'row', header: t('import.problems.row'), rowHeader: true, cell: (row) => n(row.row) },
            { key: 'ref', header: t('import.problems.ref'), label: false, cell: (row) => row.ref ?? '—' },
            {
              key: 'column',
              header: t('import.problems.column'),
              label: false,
              cell: (row) => <code>{row.column}</code>,
            },
            { key: 'message', header: t('import.problems.message'), label: false, cell: (row) => row.message },
          ]}
        />
      )}
    </Card>
  );
}
