import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import type { ServerPayload } from '../../realtime/context';
import { progressView } from './importModel';

export type Progress = ServerPayload<'import:progress'>;

/** The running import: upload progress, then the server's phase and rows done (announced politely). */
export function ImportProgress({ uploaded, progress }: { uploaded: number; progress: Progress | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const view = progressView(uploaded, progress);
  const label = view.phase
    ? t(`import.phase.${view.phase.name}`, {
        done: formatNumber(view.phase.done, lang),
        total: formatNumber(view.phase.total, lang),
      })
    : t('import.uploading', { percent: view.percent });
  return (
    <div className="import-progress" role="status">
      <progress className="import-progress__bar" aria-label={label} value={view.value} max={view.max} />
      <span className="import-progress__label">{label}</span>
    </div>
  );
}
