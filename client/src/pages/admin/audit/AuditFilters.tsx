import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, DateField, Field, Select } from '../../../components/ui';
import { useLang } from '../../../lib/useLang';
import { fieldName } from './auditFilters';
import { actionOptions } from './auditPresentation';
import { PartyPicker } from './PartyPicker';
import type { AuditLogState } from './useAuditLog';

export interface AuditFiltersProps {
  log: AuditLogState;
  /** Labels of the known actions, by action code. */
  knownActions: Record<string, string>;
}

/** The filters form: action, actor and target ids, period. */
export function AuditFilters({ log, knownActions }: AuditFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { draft, set, errors, query } = log;
  const options = actionOptions(knownActions, draft.action, t('admin.audit.allActions'), lang);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    log.submit();
  }

  return (
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
                options={options}
                onChange={(e) => set('action', e.target.value)}
              />
            )}
          </Field>
          {(['actor', 'target'] as const).map((key) => (
            <Field
              key={key}
              name={fieldName(key)}
              label={t(`auditPicker.${key}`)}
              hint={t(`auditPicker.${key}Hint`)}
              error={errors.messageFor(fieldName(key))}
            >
              {(control) => (
                <PartyPicker
                  control={control}
                  value={draft[key]}
                  onChange={(id) => set(key, id)}
                  withOrganizations={key === 'target'}
                />
              )}
            </Field>
          ))}
          <Field name={fieldName('from')} label={t('admin.audit.from')} error={errors.messageFor(fieldName('from'))}>
            {(control) => (
              <DateField
                {...control}
                value={draft.from}
                max={draft.to || undefined}
                onChange={(iso) => set('from', iso)}
              />
            )}
          </Field>
          <Field name={fieldName('to')} label={t('admin.audit.to')} error={errors.messageFor(fieldName('to'))}>
            {(control) => (
              <DateField
                {...control}
                value={draft.to}
                min={draft.from || undefined}
                onChange={(iso) => set('to', iso)}
              />
            )}
          </Field>
        </div>
        <div className="toolbar">
          <Button type="submit" loading={query.isFetching && !query.isFetchingNextPage}>
            {t('admin.audit.apply')}
          </Button>
          {log.filtered && (
            <Button variant="ghost" onClick={log.clear}>
              {t('admin.audit.reset')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
