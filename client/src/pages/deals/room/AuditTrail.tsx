import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDealAudit } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { LoadFailed } from '../../../components/LoadFailed';
import { Spinner } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';

/** The deal's audit trail, loaded when first opened: who did what, when, from where, under which NDA version. */
export function AuditTrail({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: queryKeys.dealAudit(dealId),
    queryFn: ({ signal }) => getDealAudit(dealId, signal),
    enabled: open,
  });
  const actions = t('deals.audit.actions', { returnObjects: true }) as Record<string, string>;

  return (
    <details className="card card--padded audit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="audit__summary">{t('deals.audit.title')}</summary>
      {query.isPending && open && (
        <p role="status">
          <Spinner size="sm" /> {t('common.loading')}
        </p>
      )}
      {query.isError && (
        <LoadFailed title={t('deals.audit.loadFailed')} error={query.error} retry={() => void query.refetch()} />
      )}
      {query.data && query.data.data.length === 0 && <p className="muted">{t('deals.audit.empty')}</p>}
      {query.data && query.data.data.length > 0 && (
        <ol className="audit__list">
          {query.data.data.map((entry) => (
            <li key={entry.id} className="audit__entry">
              <p className="audit__action">{actions[entry.action] ?? entry.action}</p>
              <p className="audit__meta">
                <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                {entry.actor && <> · {entry.actor.name}</>}
                {entry.organization && <> ({entry.organization.name})</>}
              </p>
              {(entry.ip || entry.version) && (
                <p className="audit__meta">
                  {entry.ip && t('deals.audit.ip', { ip: entry.ip })}
                  {entry.ip && entry.version && ' · '}
                  {entry.version && t('deals.audit.version', { version: entry.version })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
