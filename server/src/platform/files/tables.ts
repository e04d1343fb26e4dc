import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

/**
 * A cell a spreadsheet would read as a formula (it starts with = + - @, a tab
 * or a carriage return) is written with a leading apostrophe, so it shows as
 * the text it is: OWASP's rule against CSV injection. Numbers stay numbers.
 */
export function safeCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An export time in Vietnam: "06/12/2026 11:53 (UTC+7)" (the date as both readers of a file write it). */
export function exportTime(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')} (UTC+7)`;
}

/**
 * Sends rows (first row = header) as CSV (UTF-8 with BOM, so Excel shows Vietnamese right) or XLSX.
 * `preamble`: lines written above the table (what the file covers, its filters, when it was made).
 */
export async function sendTable(
  res: Response,
  rows: (string | number | null)[][],
  name: string,
  format: 'csv' | 'xlsx',
  preamble: (string | number | null)[][] = [],
): Promise<void> {
  const all = [...preamble, ...rows];
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.send(`\uFEFF${stringify(all.map((row) => row.map(safeCell)))}`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  for (const row of all) sheet.addRow(row);
  if (preamble.length) sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getRow(preamble.length + 1).font = { bold: true };
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** A spreadsheet's records, keyed by its header row, with the line or row number of each in the file. */
export interface Table {
  records: Record<string, string>[];
  rows: number[];
}

/** A cell written by `safeCell` read back as the text it was (the apostrophe only kept a spreadsheet from running it). */
const unescapeCell = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/**
 * Reads the first sheet of a CSV or XLSX file into records keyed by its header
 * row: the first row `isHeader` accepts (the first row when none does), so the
 * lines an export writes above its table are skipped. Empty rows are dropped.
 */
export async function readTable(
  buffer: Buffer,
  fileName: string,
  isHeader: (cells: string[]) => boolean = () => true,
): Promise<Table> {
  let grid: string[][];
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return { records: [], rows: [] };
    grid = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const cells: string[] = [];
      sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = String(cell.text ?? '').trim();
      });
      grid.push(Array.from(cells, (c) => c ?? ''));
    }
  } else {
    grid = parse(buffer.toString('utf8').replace(/^\uFEFF/, ''), {
      skip_empty_lines: false,
      trim: true,
      relax_column_count: true,
    }) as string[][];
  }
  const found = grid.findIndex((cells) => cells.some(Boolean) && isHeader(cells));
  const at = found >= 0 ? found : grid.findIndex((cells) => cells.some(Boolean));
  if (at < 0) return { records: [], rows: [] };
  const header = grid[at].map((c) => c.trim());
  const table: Table = { records: [], rows: [] };
  for (let r = at + 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells.some(Boolean)) continue;
    const record: Record<string, string> = {};
    header.forEach((h, col) => {
      if (h) record[h] = unescapeCell(cells[col] ?? '');
    });
    table.records.push(record);
    table.rows.push(r + 1);
  }
  return table;
}
