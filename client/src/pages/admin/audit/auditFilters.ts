import { auditQuerySchema } from '@techbridge/shared';
import type { AdminAuditEntryDto, AuditFilters } from '../../../api/admin';
import { type ApiError, isApiError } from '../../../api/errors';
import { validate } from '../../../forms/validate';
import { withParams } from '../../../lib/searchParams';

/** Entries per page ("load more" asks for the next 50). */
export const AUDIT_PAGE = 50;

export const filterKeys = ['action', 'actor', 'target', 'from', 'to'] as const;
export type FilterKey = (typeof filterKeys)[number];
/** The form's values: every filter as typed, '' when unset. */
export type FilterDraft = Record<FilterKey, string>;

const isFilterKey = (path: string): path is FilterKey => (filterKeys as readonly string[]).includes(path);

/** The form field name (and element id suffix) of a filter. */
export const fieldName = (key: FilterKey) => `audit-${key}`;
export const fieldOrder = filterKeys.map(fieldName);

export const emptyDraft: FilterDraft = { action: '', actor: '', target: '', from: '', to: '' };

/** The filters in force, as kept in the URL (blank values are ignored). */
export function filtersFrom(params: URLSearchParams): AuditFilters {
  const out: AuditFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function draftFrom(filters: AuditFilters): FilterDraft {
  return { ...emptyDraft, ...filters };
}

/** The form's values as filters: trimmed, blanks left out. */
export function filtersOf(draft: FilterDraft): AuditFilters {
  const values: AuditFilters = {};
  for (const key of filterKeys) if (draft[key].trim()) values[key] = draft[key].trim();
  return values;
}

export type FilterCheck =
  | { ok: true; filters: AuditFilters }
  /** Message keys of the shared schema, by field name. */
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  /** "From" is after "to". */
  | { ok: false; reason: 'range'; field: string };

/** Checks the form with the server's schema, then that the period is not reversed. */
export function checkFilters(draft: FilterDraft): FilterCheck {
  const filters = filtersOf(draft);
  const result = validate(auditQuerySchema, filters);
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const [path, key] of Object.entries(result.errors)) if (isFilterKey(path)) errors[fieldName(path)] = key;
    if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
  }
  if (filters.from && filters.to && filters.from > filters.to)
    return { ok: false, reason: 'range', field: fieldName('to') };
  return { ok: true, filters };
}

/** The URL with the given filters in force (other parameters, such as the tab, stay). */
export function paramsWithFilters(params: URLSearchParams, filters: AuditFilters): URLSearchParams {
  return withParams(params, Object.fromEntries(filterKeys.map((key) => [key, filters[key]])));
}

/** The filters in force, narrowed to one actor or target ("only this user"). */
export function narrowedDraft(applied: AuditFilters, key: 'actor' | 'target', id: string): FilterDraft {
  return { ...draftFrom(applied), [key]: id };
}

/** A 400 with messages for filter fields (e.g. an id the server does not accept): those messages, by field name. */
export function serverFilterErrors(error: unknown): Record<string, string> | null {
  if (!isFieldRejection(error)) return null;
  const texts: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) if (isFilterKey(path)) texts[fieldName(path)] = message;
  return texts;
}

export function isFieldRejection(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 400 && error.hasFieldErrors;
}

/** The cursor of the next page: the time and id of the last entry, or none after a short page. */
export function nextAuditCursor(
  last: { data: readonly AdminAuditEntryDto[] },
  pageSize = AUDIT_PAGE,
): { at: string; id: string } | undefined {
  const end = last.data[last.data.length - 1];
  return last.data.length < pageSize || !end ? undefined : { at: end.at, id: end.id };
}
