import type { Lang } from '@techbridge/shared';
import type { AdminAuditEntryDto } from '../../../api/admin';

/** Public pages for the audit log's target types; null for types without one. */
export function targetHref(type: string, id: string): string | null {
  if (type === 'offer') return `/offers/${id}`;
  if (type === 'demand') return `/demands/${id}`;
  if (type === 'organization') return `/organizations/${id}`;
  return null;
}

/** A detail value as one line of text: scalars as they are, anything else as JSON, "–" for nothing. */
export function detailText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export interface DetailRow {
  key: string;
  label: string;
  value: string;
  /** Free text that may be long (wraps anywhere). */
  breakable: boolean;
}

/** The details column: the entry's details with their labels, then the IP address and NDA version if recorded. */
export function detailRows(entry: AdminAuditEntryDto, labels: Record<string, string>): DetailRow[] {
  const rows: DetailRow[] = Object.entries(entry.details ?? {}).map(([key, value]) => ({
    key,
    label: labels[key] ?? key,
    value: detailText(value),
    breakable: true,
  }));
  if (entry.ip) rows.push({ key: 'ip', label: labels.ip, value: entry.ip, breakable: false });
  if (entry.version) rows.push({ key: 'version', label: labels.version, value: entry.version, breakable: false });
  return rows;
}

export interface ActionOption {
  value: string;
  label: string;
}

/**
 * The action filter's options: "all actions", the known actions sorted by
 * label in the UI language, and the chosen action even if it is not known
 * (a link may carry any action).
 */
export function actionOptions(
  known: Record<string, string>,
  chosen: string,
  allLabel: string,
  lang: Lang,
): ActionOption[] {
  return [
    { value: '', label: allLabel },
    ...Object.entries(known)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
    ...(chosen && !(chosen in known) ? [{ value: chosen, label: chosen }] : []),
  ];
}
