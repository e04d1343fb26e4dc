import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListingType } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadImportTemplate, exportListings, importListings, queryKeys } from '../../api';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Card, CardHeader, Field, Select } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSocketEvent } from '../../realtime/useRealtime';
import { ImportProgress, type Progress } from './ImportProgress';
import { ImportSummary } from './ImportSummary';
import { exportFileName, fileFormats, templateFileName } from './importModel';
import { useDownloads } from './useDownloads';

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
  const { downloading, error: downloadError, download } = useDownloads();
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
            {fileFormats.map((format) => (
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
                    templateFileName(type, format),
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
          {fileFormats.map((format) => (
            <Button
              key={format}
              variant="secondary"
              size="sm"
              loading={downloading === `export-${format}`}
              disabled={downloading !== null}
              onClick={() =>
                download(`export-${format}`, () => exportListings(type, format), exportFileName(type, format))
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
