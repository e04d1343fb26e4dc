import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/data/QueryView';
import { LoadFailed } from '../../../components/LoadFailed';
import { Alert, Button, Card, EmptyState } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { isFieldRejection } from './auditFilters';
import { useAuditLog } from './useAuditLog';

/**
 * The platform audit log, newest first, filtered by action, actor, target and
 * period (kept in the URL), 50 entries at a time: "load more" asks for the
 * entries before the last one shown.
 */
export function AuditLogBrowser() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const { query, entries } = log;
  const knownActions = {
    ...(t('deals.audit.actions', { returnObjects: true }) as Record<string, string>),
    ...(t('admin.audit.actions', { returnObjects: true }) as Record<string, string>),
  };

  return (
    <section aria-labelledby="audit-log-title" className="admin-section">
      <h2 className="section-title" id="audit-log-title">
        {t('admin.audit.title')}
      </h2>
      <p className="muted">{t('admin.audit.lead')}</p>
      <AuditFilters log={log} knownActions={knownActions} />

      <Card aria-busy={query.isFetching}>
        <QueryView
          query={query}
          errorTitle={t('admin.loadFailed')}
          renderError={(error, retry) =>
            // Rejected filters: the messages are next to the fields, so no retry.
            isFieldRejection(error) ? (
              <Alert tone="error" title={t('admin.loadFailed')}>
                <p>{t('auth.errors.checkFields')}</p>
              </Alert>
            ) : (
              <LoadFailed title={t('admin.loadFailed')} error={error} retry={retry} />
            )
          }
          empty={<EmptyState icon="search" title={t('admin.audit.empty')} />}
        >
          {() => (
            <>
              <p className="visually-hidden" role="status">
                {t('admin.audit.count', { count: entries.length })}
              </p>
              <AuditTable entries={entries} applied={log.applied} filterBy={log.filterBy} knownActions={knownActions} />
            </>
          )}
        </QueryView>
        {query.hasNextPage && (
          <div className="load-more">
            <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {t('admin.audit.loadMore')}
            </Button>
          </div>
        )}
        {query.isFetchNextPageError && <p className="field__error">{describeApiError(query.error, t)}</p>}
      </Card>
    </section>
  );
}
