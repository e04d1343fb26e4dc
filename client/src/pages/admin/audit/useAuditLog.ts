import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getAuditLog } from '../../../api/admin';
import { queryKeys } from '../../../api/queryKeys';
import { focusFirstError } from '../../../forms/focusFirstError';
import { useFieldErrors } from '../../../forms/useFieldErrors';
import {
  AUDIT_PAGE,
  checkFilters,
  draftFrom,
  emptyDraft,
  type FilterDraft,
  type FilterKey,
  fieldName,
  fieldOrder,
  filtersFrom,
  narrowedDraft,
  nextAuditCursor,
  paramsWithFilters,
  serverFilterErrors,
} from './auditFilters';

/**
 * The audit log's state: the filters in force (kept in the URL), the form's
 * draft and its field errors, and the entries loaded so far, 50 at a time
 * ("load more" asks for the entries before the last one shown).
 */
export function useAuditLog() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const appliedKey = JSON.stringify(applied);
  const [draft, setDraft] = useState<FilterDraft>(() => draftFrom(applied));
  const errors = useFieldErrors();
  const { setServerErrors } = errors;

  const query = useInfiniteQuery({
    queryKey: queryKeys.auditLog(appliedKey),
    queryFn: ({ pageParam, signal }) =>
      getAuditLog(applied, { before: pageParam?.at, beforeId: pageParam?.id, limit: AUDIT_PAGE }, signal),
    initialPageParam: null as { at: string; id: string } | null,
    getNextPageParam: (last) => nextAuditCursor(last),
  });
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];

  // The server's field messages (e.g. an id it does not accept) go next to the filters.
  const failure = query.error;
  useEffect(() => {
    const texts = serverFilterErrors(failure);
    if (texts) setServerErrors(texts);
  }, [failure, setServerErrors]);

  function set(key: FilterKey, value: string) {
    setDraft((prev) => ({ ...prev, [key]: value }));
    errors.clear(fieldName(key));
  }

  function apply(next: FilterDraft) {
    const check = checkFilters(next);
    if (!check.ok) {
      if (check.reason === 'invalid') {
        errors.setClientErrors(check.errors);
        focusFirstError(fieldOrder, Object.keys(check.errors));
      } else {
        errors.setServerErrors({ [check.field]: t('admin.audit.invalidRange') });
        focusFirstError(fieldOrder, [check.field]);
      }
      return;
    }
    errors.reset();
    setParams((prev) => paramsWithFilters(prev, check.filters), { replace: true });
  }

  /** Narrows the filters in force (not unsent edits) to one actor or target. */
  function filterBy(key: 'actor' | 'target', id: string) {
    const next = narrowedDraft(applied, key, id);
    setDraft(next);
    apply(next);
  }

  function clear() {
    setDraft(emptyDraft);
    apply(emptyDraft);
  }

  return {
    applied,
    filtered: Object.keys(applied).length > 0,
    draft,
    set,
    submit: () => apply(draft),
    filterBy,
    clear,
    errors,
    query,
    entries,
  };
}

export type AuditLogState = ReturnType<typeof useAuditLog>;
