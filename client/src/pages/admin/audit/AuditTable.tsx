import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminAuditEntryDto, AuditFilters } from '../../../api/admin';
import { DataTable } from '../../../components/data/DataTable';
import { formatDateTime } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import { detailRows, targetHref } from './auditPresentation';

export interface AuditTableProps {
  entries: readonly AdminAuditEntryDto[];
  /** The filters in force: no "only this one" button for the actor or target already filtered on. */
  applied: AuditFilters;
  filterBy: (key: 'actor' | 'target', id: string) => void;
  /** Labels of the known actions, by action code. */
  knownActions: Record<string, string>;
}

/** The audit entries: time, action, actor (with its organisation), target and details. */
export function AuditTable({ entries, applied, filterBy, knownActions }: AuditTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const targetTypes = t('admin.audit.targetTypes', { returnObjects: true }) as Record<string, string>;
  const detailKeys = t('admin.audit.detailKeys', { returnObjects: true }) as Record<string, string>;

  function actor(entry: AdminAuditEntryDto) {
    const who = entry.actor;
    if (!who) return <span className="muted">{t('admin.audit.system')}</span>;
    return (
      <>
        <span className="audit-log__strong">{who.name || who.id}</span>
        {entry.organization && (
          <span className="audit-log__meta">
            <Link to={`/organizations/${entry.organization.id}`}>
              {entry.organization.name || entry.organization.id}
            </Link>
          </span>
        )}
        <code className="audit-log__id">{who.id}</code>
        {applied.actor !== who.id && (
          <button
            type="button"
            className="link-button audit-log__filter"
            aria-label={t('admin.audit.filterActorNamed', { name: who.name || who.id })}
            onClick={() => filterBy('actor', who.id)}
          >
            {t('admin.audit.filterActor')}
          </button>
        )}
      </>
    );
  }

  function target(entry: AdminAuditEntryDto) {
    const href = targetHref(entry.targetType, entry.targetId);
    const label = targetTypes[entry.targetType] ?? entry.targetType;
    return (
      <>
        <span className="audit-log__strong">{href ? <Link to={href}>{label}</Link> : label}</span>
        <code className="audit-log__id">{entry.targetId}</code>
        {entry.dealId && <span className="audit-log__meta">{t('admin.audit.deal', { id: entry.dealId })}</span>}
        {applied.target !== entry.targetId && (
          <button
            type="button"
            className="link-button audit-log__filter"
            aria-label={t('admin.audit.filterTargetNamed', { target: `${label} ${entry.targetId}` })}
            onClick={() => filterBy('target', entry.targetId)}
          >
            {t('admin.audit.filterTarget')}
          </button>
        )}
      </>
    );
  }

  function details(entry: AdminAuditEntryDto) {
    const rows = detailRows(entry, detailKeys);
    if (rows.length === 0) return <span className="muted">–</span>;
    return (
      <dl className="audit-log__details">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd className={row.breakable ? 'text-break' : undefined}>{row.value}</dd>
          </div>
        ))}
      </dl>
    );
  }

  return (
    <DataTable
      label={t('admin.audit.title')}
      className="audit-log"
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={[
        {
          key: 'time',
          header: t('admin.audit.columns.time'),
          className: 'audit-log__time',
          cell: (entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>,
        },
        {
          key: 'action',
          header: t('admin.audit.columns.action'),
          rowHeader: true,
          className: 'data-table__title',
          cell: (entry) => (
            <>
              {knownActions[entry.action] ?? entry.action}
              <code className="audit-log__id">{entry.action}</code>
            </>
          ),
        },
        { key: 'actor', header: t('admin.audit.columns.actor'), cell: actor },
        { key: 'target', header: t('admin.audit.columns.target'), cell: target },
        { key: 'details', header: t('admin.audit.columns.details'), cell: details },
      ]}
    />
  );
}
