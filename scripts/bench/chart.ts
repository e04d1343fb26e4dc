/**
 * A latency chart of a benchmark run as a standalone SVG: one row per
 * measurement, bars for p50 / p95 / p99 on a logarithmic axis (the figures
 * span from milliseconds to seconds), and each row's target where it has one.
 */
export interface ChartRow {
  label: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** The target for p95, drawn as a red tick. */
  target?: number;
  /** Shown instead of bars when there is no figure (e.g. no request finished). */
  note?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function latencyChartSvg(title: string, rows: ChartRow[]): string {
  const labelWidth = 250;
  const plotWidth = 560;
  const rowHeight = 46;
  const top = 56;
  const width = labelWidth + plotWidth + 90;
  const height = top + rows.length * rowHeight + 50;
  const values = rows.flatMap((r) => [r.p50, r.p95, r.p99, r.target ?? null]).filter((v): v is number => !!v);
  const minExp = Math.floor(Math.log10(Math.max(0.1, Math.min(...values, 1))));
  const maxExp = Math.ceil(Math.log10(Math.max(...values, 10)));
  const x = (ms: number) =>
    labelWidth + ((Math.log10(Math.max(ms, 10 ** minExp)) - minExp) / (maxExp - minExp)) * plotWidth;
  const colors = { p50: '#8fb8de', p95: '#2f6fad', p99: '#173a5e' } as const;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
  ];
  // Legend.
  let lx = labelWidth;
  for (const [name, color] of Object.entries(colors)) {
    out.push(
      `<rect x="${lx}" y="34" width="12" height="10" fill="${color}"/><text x="${lx + 16}" y="43">${name}</text>`,
    );
    lx += 60;
  }
  out.push(`<line x1="${lx}" y1="39" x2="${lx + 12}" y2="39" stroke="#c62828" stroke-width="3"/>`);
  out.push(`<text x="${lx + 16}" y="43">target (p95)</text>`);
  // Axis: one gridline per power of ten.
  const axisY = top + rows.length * rowHeight;
  for (let e = minExp; e <= maxExp; e++) {
    const gx = x(10 ** e);
    const label = 10 ** e >= 1000 ? `${10 ** (e - 3)} s` : `${10 ** e} ms`;
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${axisY}" stroke="#e3e6ea"/>`);
    out.push(`<text x="${gx}" y="${axisY + 16}" text-anchor="middle" fill="#555">${label}</text>`);
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    out.push(`<text x="${labelWidth - 10}" y="${y + 24}" text-anchor="end">${escapeXml(row.label)}</text>`);
    if (row.p50 === null && row.p95 === null) {
      out.push(`<text x="${labelWidth + 6}" y="${y + 24}" fill="#c62828">${escapeXml(row.note ?? 'no figure')}</text>`);
      return;
    }
    (['p50', 'p95', 'p99'] as const).forEach((k, j) => {
      const v = row[k];
      if (v === null) return;
      const barY = y + 6 + j * 11;
      out.push(
        `<rect x="${labelWidth}" y="${barY}" width="${Math.max(1, x(v) - labelWidth)}" height="10" fill="${colors[k]}"><title>${k} ${v} ms</title></rect>`,
      );
      if (k === 'p95')
        out.push(`<text x="${x(v) + 4}" y="${barY + 9}" fill="#333">${v >= 10 ? Math.round(v) : v} ms</text>`);
    });
    if (row.target)
      out.push(
        `<line x1="${x(row.target)}" y1="${y + 2}" x2="${x(row.target)}" y2="${y + 42}" stroke="#c62828" stroke-width="3"/>`,
      );
  });
  out.push('</svg>');
  return out.join('\n');
}
