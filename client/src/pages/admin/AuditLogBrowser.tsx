import { useInfiniteQuery } from '@tanstack/react-query';
import { auditQuerySchema } from '@techbridge/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AdminAuditEntryDto, type AuditFilters, getAuditLog } from '../../api/admin';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { Alert, Button, Card, EmptyState, Field, Input, Select, Skeleton } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';

const PAGE = 50;
const filterKeys = ['action', 'actor', 'target', 'from', 'to'] as const;
type FilterKey = (typeof filterKeys)[number];
const fieldName = (key: FilterKey) => `audit-${key}`;

function filtersFrom(params: URLSearchParams): AuditFilters {
  const out: AuditFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Public pages for the audit log's target types. */
function targetHref(type: string, id: string): string | null {
  if (type === 'offer') return `/offers/${id}`;
  if (type === 'demand') return `/demands/${id}`;
  if (type === 'organization') return `/organizations/${id}`;
  return null;
}

function detailText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The platform audit log, newest first, filtered by action, actor, target and
 * period (kept in the URL), 50 entries at a time: "load more" asks for the
 * entries before the last one shown.
 */
export function AuditLogBrowser() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const appliedKey = JSON.stringify(applied);
  const [draft, setDraft] = useState<Record<FilterKey, string>>(() => ({
    action: applied.action ?? '',
    actor: applied.actor ?? '',
    target: applied.target ?? '',
    from: applied.from ?? '',
    to: applied.to ?? '',
  }));
  const errors = useFieldErrors();
  const { setServerErrors } = errors;

  const query = useInfiniteQuery({
    queryKey: queryKeys.auditLog(appliedKey),
    queryFn: ({ pageParam, signal }) =>
      getAuditLog(applied, { before: pageParam?.at, beforeId: pageParam?.id, limit: PAGE }, signal),
    initialPageParam: null as { at: string; id: string } | null,
    getNextPageParam: (last) => {
      const end = last.data[last.data.length - 1];
      return last.data.length < PAGE || !end ? undefined : { at: end.at, id: end.id };
    },
  });
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];

  // The server's field messages (e.g. an id it does not accept) go next to the filters.
  const failure = query.error;
  useEffect(() => {
    if (!isApiError(failure) || failure.status !== 400 || !failure.hasFieldErrors) return;
    const texts: Record<string, string> = {};
    for (const [path, message] of Object.entries(failure.fields)) {
      if ((filterKeys as readonly string[]).includes(path)) texts[fieldName(path as FilterKey)] = message;
    }
    setServerErrors(texts);
  }, [failure, setServerErrors]);

  const knownActions = {
    ...(t('deals.audit.actions', { returnObjects: true }) as Record<string, string>),
    ...(t('admin.audit.actions', { returnObjects: true }) as Record<string, string>),
  };
  const actionLabel = (action: string) => knownActions[action] ?? action;
  const actionOptions = [
    { value: '', label: t('admin.audit.allActions') },
    ...Object.entries(knownActions)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
    ...(draft.action && !(draft.action in knownActions) ? [{ value: draft.action, label: draft.action }] : []),
  ];
  const targetTypes = t('admin.audit.targetTypes', { returnObjects: true }) as Record<string, string>;
  const detailKeys = t('admin.audit.detailKeys', { returnObjects: true }) as Record<string, string>;

  function set(key: FilterKey, value: string) {
    setDraft((prev) => ({ ...prev, [key]: value }));
    errors.clear(fieldName(key));
  }

  function apply(next: Record<FilterKey, string>) {
    const values: AuditFilters = {};
    for (const key of filterKeys) if (next[key].trim()) values[key] = next[key].trim();
    const result = validate(auditQuerySchema, values);
    const keys: Record<string, string> = {};
    if (!result.ok) {
      for (const [path, key] of Object.entries(result.errors)) {
        if ((filterKeys as readonly string[]).includes(path)) keys[fieldName(path as FilterKey)] = key;
      }
    }
    if (Object.keys(keys).length > 0) {
      errors.setClientErrors(keys);
      focusFirstError(filterKeys.map(fieldName), Object.keys(keys));
      return;
    }
    if (values.from && values.to && values.from > values.to) {
      errors.setServerErrors({ [fieldName('to')]: t('admin.audit.invalidRange') });
      focusFirstError(filterKeys.map(fieldName), [fieldName('to')]);
      return;
    }
    errors.reset();
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        for (const key of filterKeys) {
          if (values[key]) out.set(key, values[key]);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(draft);
  }

  /** Narrows the filters in force (not unsent edits) to one actor or target. */
  function filterBy(key: 'actor' | 'target', id: string) {
    const next = { action: '', actor: '', target: '', from: '', to: '', ...applied, [key]: id };
    setDraft(next);
    apply(next);
  }

  function clear() {
    const empty = { action: '', actor: '', target: '', from: '', to: '' };
    setDraft(empty);
    apply(empty);
  }

  const filtered = Object.keys(applied).length > 0;
  const fieldError = failure && isApiError(failure) && failure.status === 400 && failure.hasFieldErrors;

  function renderTarget(entry: AdminAuditEntryDto) {
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

  return (
    <section aria-labelledby="audit-log-title" className="admin-section">
      <h2 className="section-title" id="audit-log-title">
        {t('admin.audit.title')}
      </h2>
      <p className="muted">{t('admin.audit.lead')}</p>
      <Card as="section" className="stats-filters" aria-labelledby="audit-filters-title">
        <h3 className="visually-hidden" id="audit-filters-title">
          {t('admin.audit.filtersTitle')}
        </h3>
        <form className="form form--compact" noValidate onSubmit={submit}>
          <div className="stats-filters__grid">
            <Field
              name={fieldName('action')}
              label={t('admin.audit.action')}
              error={errors.messageFor(fieldName('action'))}
            >
              {(control) => (
                <Select
                  {...control}
                  value={draft.action}
                  options={actionOptions}
                  onChange={(e) => set('action', e.target.value)}
                />
              )}
            </Field>
            {(['actor', 'target'] as const).map((key) => (
              <Field
                key={key}
                name={fieldName(key)}
                label={t(`admin.audit.${key}`)}
                hint={t('admin.audit.idHint')}
                error={errors.messageFor(fieldName(key))}
              >
                {(control) => (
                  <Input
                    {...control}
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={24}
                    value={draft[key]}
                    onChange={(e) => set(key, e.target.value)}
                  />
                )}
              </Field>
            ))}
            <Field name={fieldName('from')} label={t('admin.audit.from')} error={errors.messageFor(fieldName('from'))}>
              {(control) => (
                <Input
                  {...control}
                  type="date"
                  value={draft.from}
                  max={draft.to || undefined}
                  onChange={(e) => set('from', e.target.value)}
                />
              )}
            </Field>
            <Field name={fieldName('to')} label={t('admin.audit.to')} error={errors.messageFor(fieldName('to'))}>
              {(control) => (
                <Input
                  {...control}
                  type="date"
                  value={draft.to}
                  min={draft.from || undefined}
                  onChange={(e) => set('to', e.target.value)}
                />
              )}
            </Field>
          </div>
          <div className="toolbar">
            <Button type="submit" loading={query.isFetching && !query.isFetchingNextPage}>
              {t('admin.audit.apply')}
            </Button>
            {filtered && (
              <Button variant="ghost" onClick={clear}>
                {t('admin.audit.reset')}
              </Button>
            )}
          </div>
        </form>
      </Card>

      <Card aria-busy={query.isFetching}>
        {query.isPending && (
          <div className="my-listings__loading">
            <p className="visually-hidden" role="status">
              {t('common.loading')}
            </p>
            <Skeleton variant="block" />
            <Skeleton variant="block" />
          </div>
        )}
        {query.isError && !query.data && (
          <Alert tone="error" title={t('admin.loadFailed')}>
            <p>{fieldError ? t('auth.errors.checkFields') : describeApiError(query.error, t)}</p>
            {!fieldError && (
              <Button variant="secondary" size="sm" className="alert__action" onClick={() => void query.refetch()}>
                {t('common.retry')}
              </Button>
            )}
          </Alert>
        )}
        {query.data && entries.length === 0 && <EmptyState icon="search" title={t('admin.audit.empty')} />}
        {entries.length > 0 && (
          <>
            <p className="visually-hidden" role="status">
              {t('admin.audit.count', { count: entries.length })}
            </p>
            <table className="data-table audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.columns.time')}</th>
                  <th scope="col">{t('admin.audit.columns.action')}</th>
                  <th scope="col">{t('admin.audit.columns.actor')}</th>
                  <th scope="col">{t('admin.audit.columns.target')}</th>
                  <th scope="col">{t('admin.audit.columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const details = Object.entries(entry.details ?? {});
                  return (
                    <tr key={entry.id}>
                      <td data-label={t('admin.audit.columns.time')} className="audit-log__time">
                        <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                      </td>
                      <th scope="row" className="data-table__title">
                        {actionLabel(entry.action)}
                        <code className="audit-log__id">{entry.action}</code>
                      </th>
                      <td data-label={t('admin.audit.columns.actor')}>
                        {entry.actor ? (
                          <>
                            <span className="audit-log__strong">{entry.actor.name || entry.actor.id}</span>
                            {entry.organization && (
                              <span className="audit-log__meta">
                                <Link to={`/organizations/${entry.organization.id}`}>
                                  {entry.organization.name || entry.organization.id}
                                </Link>
                              </span>
                            )}
                            <code className="audit-log__id">{entry.actor.id}</code>
                            {applied.actor !== entry.actor.id && (
                              <button
                                type="button"
                                className="link-button audit-log__filter"
                                aria-label={t('admin.audit.filterActorNamed', {
                                  name: entry.actor.name || entry.actor.id,
                                })}
                                onClick={() => entry.actor && filterBy('actor', entry.actor.id)}
                              >
                                {t('admin.audit.filterActor')}
                              </button>
                            )}
                          </>
                        ) : (
                          <span className="muted">{t('admin.audit.system')}</span>
                        )}
                      </td>
                      <td data-label={t('admin.audit.columns.target')}>{renderTarget(entry)}</td>
                      <td data-label={t('admin.audit.columns.details')}>
                        {details.length === 0 && !entry.ip && !entry.version ? (
                          <span className="muted">–</span>
                        ) : (
                          <dl className="audit-log__details">
                            {details.map(([key, value]) => (
                              <div key={key}>
                                <dt>{detailKeys[key] ?? key}</dt>
                                <dd className="text-break">{detailText(value)}</dd>
                              </div>
                            ))}
                            {entry.ip && (
                              <div>
                                <dt>{detailKeys.ip}</dt>
                                <dd>{entry.ip}</dd>
                              </div>
                            )}
                            {entry.version && (
                              <div>
                                <dt>{detailKeys.version}</dt>
                                <dd>{entry.version}</dd>
                              </div>
                            )}
                          </dl>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
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
