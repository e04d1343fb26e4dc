import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../forms/describeApiError';
import { saveBlob } from '../../lib/saveBlob';

/** One download at a time (templates, exports): which one runs, and why the last one failed. */
export function useDownloads() {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(id: string, fetchFile: () => Promise<Blob>, name: string) {
    setError(null);
    setDownloading(id);
    try {
      saveBlob(await fetchFile(), name);
    } catch (err) {
      setError(t('import.downloadFailed', { reason: describeApiError(err, t) }));
    } finally {
      setDownloading(null);
    }
  }

  return { downloading, error, download };
}
