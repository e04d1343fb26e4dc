import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListingType } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  downloadImportTemplate,
  exportListings,
  type FileFormat,
  type ImportResult,
  importListings,
  queryKeys,
} from '../../api';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Card, CardHeader, Field, Select } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatNumber } from '../../lib/format';
import { saveBlob } from '../../lib/saveBlob';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import type { ServerPayload } from '../../realtime/context';
import { useSocketEvent } from '../../realtime/useRealtime';

type Progress = ServerPayload<'import:progress'>;
const types: ListingType[] = ['offer', 'demand'];

/** /import: bulk import (and export) of the organisation's offers or demands from CSV/XLSX. */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const lang = useLang();
  const { organization } = useAuth();
  const [type, setType] = useState<ListingType>('offer');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error('no file');
      setUploaded(0);
      setProgress(null);
      return importListings(type, file, dryRun, { onProgress: setUploaded });
    },
    onSuccess: (result) => {
      if (!result.data.dryRun) void queryClient.invalidateQueries({ queryKey: queryKeys.mine(type) });
    },
  });

  // The import id is only known when the request ends, so while one runs show the latest event.
  useSocketEvent('import:progress', (payload) => {
    if (run.isPending) setProgress(payload);
  });

  function reset() {
    run.reset();
    setProgress(null);
  }

  async function download(id: string, fetchFile: () => Promise<Blob>, name: string) {
    setDownloadError(null);
    setDownloading(id);
    try {
      saveBlob(await fetchFile(), name);
    } catch (err) {
      setDownloadError(t('import.downloadFailed', { reason: describeApiError(err, t) }));
    } finally {
      setDownloading(null);
    }
  }

  if (!organization) {
    return (
      <div className="container page">
        <h1 className="page-header__title">{t('import.title')}</h1>
        <Alert tone="info">{t('dashboard.noOrganization')}</Alert>
      </div>
    );
  }

  const n = (value: number) => formatNumber(value, lang);
  const result = run.data?.data;
  const typeLabel = t(`import.types.${type}`);

  return (
    <div className="container page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('import.title')}</h1>
          <p className="page-header__subtitle">{t('import.subtitle', { name: organization.name })}</p>
        </div>
        <Link to="/app">{t('import.back')}</Link>
      </header>
      {downloadError && <Alert tone="error">{downloadError}</Alert>}

      <Card as="section" aria-labelledby="import-file-title">
        <CardHeader id="import-file-title" title={t('import.fileTitle')} />
        <div className="import-form">
          <Field name="import.type" label={t('import.type')}>
            {(props) => (
              <Select
                {...props}
                value={type}
                options={types.map((value) => ({ value, label: t(`import.types.${value}`) }))}
                onChange={(e) => {
                  setType(e.target.value as ListingType);
                  reset();
                }}
              />
            )}
          </Field>
          <div className="button-row">
            {(['csv', 'xlsx'] as const).map((format: FileFormat) => (
              <Button
                key={format}
                variant="ghost"
                size="sm"
                loading={downloading === `template-${format}`}
                disabled={downloading !== null}
                onClick={() =>
                  download(
                    `template-${format}`,
                    () => downloadImportTemplate(type, format),
                    `techbridge-${type}-template.${format}`,
                  )
                }
              >
                {t(`import.template.${format}`)}
              </Button>
            ))}
          </div>
          <Field name="import.file" label={t('import.file')} hint={t('import.fileHint')}>
            {(props) => (
              <input
                {...props}
                type="file"
                className="input"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  reset();
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <Button
              variant="secondary"
              disabled={!file || run.isPending}
              loading={run.isPending && run.variables?.dryRun === true}
              onClick={() => run.mutate({ dryRun: true })}
            >
              {t('import.check')}
            </Button>
            <Button
              disabled={!file || run.isPending}
              loading={run.isPending && run.variables?.dryRun === false}
              onClick={() => run.mutate({ dryRun: false })}
            >
              {t('import.run')}
            </Button>
          </div>
          {run.isPending && <ImportProgress uploaded={uploaded} progress={progress} />}
        </div>
      </Card>

      {run.isError && (
        <Alert tone="error" title={t('import.failed')}>
          {describeApiError(run.error, t)}
        </Alert>
      )}
      {result && <ImportSummary result={result} typeLabel={typeLabel} n={n} />}

      <Card as="section" aria-labelledby="export-title">
        <CardHeader id="export-title" title={t('import.exportTitle')} />
        <p className="muted">{t('import.exportBody', { type: typeLabel })}</p>
        <div className="button-row">
          {(['csv', 'xlsx'] as const).map((format: FileFormat) => (
            <Button
              key={format}
              variant="secondary"
              size="sm"
              loading={downloading === `export-${format}`}
              disabled={downloading !== null}
              onClick={() =>
                download(
                  `export-${format}`,
                  () => exportListings(type, format),
                  `techbridge-${type}-${new Date().toISOString().slice(0, 10)}.${format}`,
                )
              }
            >
              {t(`import.export.${format}`)}
            </Button>
          ))}
        </div>
      </Card>
    </div>
  );
}

function ImportProgress({ uploaded, progress }: { uploaded: number; progress: Progress | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = progress
    ? t(`import.phase.${progress.phase}`, {
        done: formatNumber(progress.done, lang),
        total: formatNumber(progress.total, lang),
      })
    : t('import.uploading', { percent: Math.round(uploaded * 100) });
  return (
    <div className="import-progress" role="status">
      <progress
        className="import-progress__bar"
        aria-label={label}
        value={progress ? progress.done : uploaded}
        max={progress ? Math.max(progress.total, 1) : 1}
      />
      <span className="import-progress__label">{label}</span>
    </div>
  );
}

interface ImportSummaryProps {
  result: ImportResult;
  typeLabel: string;
  n: (value: number) => string;
}

function ImportSummary({ result, typeLabel, n }: ImportSummaryProps) {
  const { t } = useTranslation();
  const counts = result.dryRun
    ? (['total', 'valid', 'invalid'] as const)
    : (['total', 'created', 'updated', 'unchanged', 'invalid'] as const);
  const rows = result.problems.flatMap((problem) =>
    Object.entries(problem.fields).map(([column, message]) => ({ ...problem, column, message })),
  );
  const tone = result.invalid > 0 ? 'warning' : 'success';
  return (
    <Card as="section" aria-labelledby="import-result-title">
      <Alert
        tone={tone}
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
        {counts.map((key) => (
          <div key={key} className="kpi">
            <dt className="kpi__label">{t(`import.counts.${key}`)}</dt>
            <dd className="kpi__value">{n(result[key])}</dd>
          </div>
        ))}
      </dl>
      {rows.length > 0 && (
        <table className="data-table import-problems">
          <caption className="data-table__caption">{t('import.problems.title', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.problems.row')}</th>
              <th scope="col">{t('import.problems.ref')}</th>
              <th scope="col">{t('import.problems.column')}</th>
              <th scope="col">{t('import.problems.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.row}-${row.column}`}>
                <th scope="row">{n(row.row)}</th>
                <td>{row.ref ?? '—'}</td>
                <td>
                  <code>{row.column}</code>
                </td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
