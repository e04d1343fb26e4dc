import { describe, expect, it } from '@jest/globals';
import { exportFileName, problemRows, progressView, summaryCounts, summaryTone, templateFileName } from './importModel';

describe('import progress', () => {
  it('shows the upload fraction until the server reports a phase', () => {
    expect(progressView(0.426, null)).toEqual({ value: 0.426, max: 1, phase: null, percent: 43 });
  });

  it('then shows rows done of total for the phase', () => {
    expect(progressView(1, { phase: 'writing', done: 40, total: 120 })).toEqual({
      value: 40,
      max: 120,
      phase: { name: 'writing', done: 40, total: 120 },
      percent: 100,
    });
  });

  it('never gives the bar a zero maximum', () => {
    expect(progressView(1, { phase: 'validating', done: 0, total: 0 }).max).toBe(1);
  });
});

describe('import summary', () => {
  it('reports what is valid for a check and what was written for an import', () => {
    expect(summaryCounts({ dryRun: true })).toEqual(['total', 'valid', 'invalid']);
    expect(summaryCounts({ dryRun: false })).toEqual(['total', 'created', 'updated', 'unchanged', 'invalid']);
  });

  it('warns while any row is invalid', () => {
    expect(summaryTone({ invalid: 1 })).toBe('warning');
    expect(summaryTone({ invalid: 0 })).toBe('success');
  });

  it('lists one problem per row and column, with unique keys', () => {
    const rows = problemRows([
      { row: 3, ref: 'A-1', fields: { title: 'Quá ngắn', trl: 'Không hợp lệ' } },
      { row: 7, ref: null, fields: { province: 'Không rõ' } },
    ]);
    expect(rows).toEqual([
      { key: '3-title', row: 3, ref: 'A-1', column: 'title', message: 'Quá ngắn' },
      { key: '3-trl', row: 3, ref: 'A-1', column: 'trl', message: 'Không hợp lệ' },
      { key: '7-province', row: 7, ref: null, column: 'province', message: 'Không rõ' },
    ]);
    expect(problemRows([])).toEqual([]);
  });
});

describe('file names', () => {
  it('names templates by type and format, exports by the day they were made', () => {
    expect(templateFileName('demand', 'xlsx')).toBe('techbridge-demand-template.xlsx');
    expect(exportFileName('offer', 'csv', new Date('2026-03-01T10:00:00Z'))).toBe('techbridge-offer-2026-03-01.csv');
  });
});
