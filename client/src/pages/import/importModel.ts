import type { ImportProblem, ImportReport, ListingType } from '@techbridge/shared';
import type { FileFormat } from '../../api';

export const fileFormats: readonly FileFormat[] = ['csv', 'xlsx'];

/** What the progress bar shows: upload fraction until the server reports a phase, then rows done of total. */
export interface ProgressView<P extends string = string> {
  value: number;
  max: number;
  /** The phase reported by the server, or null while the file is still uploading. */
  phase: { name: P; done: number; total: number } | null;
  /** Upload progress in whole percent. */
  percent: number;
}

export function progressView<P extends string>(
  uploaded: number,
  progress: { phase: P; done: number; total: number } | null,
): ProgressView<P> {
  if (progress) {
    return {
      value: progress.done,
      max: Math.max(progress.total, 1),
      phase: { name: progress.phase, done: progress.done, total: progress.total },
      percent: 100,
    };
  }
  return { value: uploaded, max: 1, phase: null, percent: Math.round(uploaded * 100) };
}

export type CountKey = 'total' | 'valid' | 'invalid' | 'created' | 'updated' | 'unchanged';

/** The summary's figures: a check reports what is valid, an import what it wrote. */
export function summaryCounts(report: Pick<ImportReport, 'dryRun'>): readonly CountKey[] {
  return report.dryRun ? ['total', 'valid', 'invalid'] : ['total', 'created', 'updated', 'unchanged', 'invalid'];
}

export interface ProblemRow {
  /** Unique per row and column. */
  key: string;
  row: number;
  ref: string | null;
  column: string;
  message: string;
}

/** One table row per problem field (a file row with two bad columns gives two rows). */
export function problemRows(problems: readonly ImportProblem[]): ProblemRow[] {
  return problems.flatMap((problem) =>
    Object.entries(problem.fields).map(([column, message]) => ({
      key: `${problem.row}-${column}`,
      row: problem.row,
      ref: problem.ref ?? null,
      column,
      message,
    })),
  );
}

/** The summary's tone: a warning while any row is invalid. */
export function summaryTone(report: Pick<ImportReport, 'invalid'>): 'warning' | 'success' {
  return report.invalid > 0 ? 'warning' : 'success';
}

export function templateFileName(type: ListingType, format: FileFormat): string {
  return `techbridge-${type}-template.${format}`;
}

/** "techbridge-offer-2026-03-01.xlsx": the export's name carries the day it was made. */
export function exportFileName(type: ListingType, format: FileFormat, now: Date = new Date()): string {
  return `techbridge-${type}-${now.toISOString().slice(0, 10)}.${format}`;
}
