import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDealAudit } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { QueryView } from '../../../components/data/QueryView';
import { Spinner } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import { journalDetail } from './journalDetail';

/**
 * The deal's journal: every stage, proposal, invitation, NDA step and
 * outcome — who, when, under which NDA version (the address only for
 * administrators). Open by default; refreshed with every deal update.
 */
export function AuditTrail({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(true);
  const query = useQuery({
    queryKey: queryKeys.dealAudit(dealId),
    queryFn: ({ signal }) => getDealAudit(dealId, signal),
    enabled: open,
  });
  const actions = t('deals.audit.actions', { returnObjects: true }) as Record<string, string>;

  return (
    <details className="card card--padded audit" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="audit__summary">{t('deals.audit.title')}</summary>
      {/* Loaded on first opening; a closed <details> shows nothing of it. */}
      {open && (
        <QueryView
          query={query}
          errorTitle={t('deals.audit.loadFailed')}
          loading={
            <p role="status">
              <Spinner size="sm" /> {t('common.loading')}
            </p>
          }
          empty={<p className="muted">{t('deals.audit.empty')}</p>}
        >
          {({ data }) => (
            <ol className="audit__list">
              {data.map((entry) => (
                <li key={entry.id} className="audit__entry">
                  <p className="audit__action">
                    {actions[entry.action] ?? entry.action}
                    {journalDetail(entry, t)}
                  </p>
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
        </QueryView>
      )}
    </details>
  );
}
