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

/** Reads the first sheet of a CSV or XLSX file into records keyed by the header row. */
export async function readTable(buffer: Buffer, fileName: string): Promise<Record<string, string>[]> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const header: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
      header[col] = String(cell.text ?? '').trim();
    });
    const records: Record<string, string>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const record: Record<string, string> = {};
      header.forEach((h, col) => {
        if (h) record[h] = String(row.getCell(col).text ?? '').trim();
      });
      records.push(record);
    }
    return records;
  }
  return parse(buffer.toString('utf8').replace(/^\uFEFF/, ''), {
    columns: (h: string[]) => h.map((c) => c.trim()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}
