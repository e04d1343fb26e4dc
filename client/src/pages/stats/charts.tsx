import { type ReactNode, useId } from 'react';

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
  /** Extra text shown after the value (e.g. a percentage or a sum of money). */
  note?: string;
}

interface ChartFrameProps {
  title: string;
  /** Column headers of the hidden data table. */
  columns: [string, string];
  data: readonly ChartDatum[];
  format: (value: number) => string;
  children: (ids: { titleId: string; descId: string }) => ReactNode;
}

/** A chart card: the SVG (titled and described) plus the same numbers as a table for screen readers. */
function ChartFrame({ title, columns, data, format, children }: ChartFrameProps) {
  const uid = useId();
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {children({ titleId, descId })}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>
                {format(d.value)}
                {d.note ? ` (${d.note})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface BarChartProps {
  title: string;
  description: string;
  columns: [string, string];
  data: readonly ChartDatum[];
  format: (value: number) => string;
  /** Bars keep their given order and widths relative to this (default: the largest value). */
  max?: number;
  tone?: 'primary' | 'accent';
}

const BAR_WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 120;
const ROW = 28;

/** Horizontal bars, one row per datum: label, bar, value. */
export function BarChart({ title, description, columns, data, format, max, tone = 'primary' }: BarChartProps) {
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const track = BAR_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW + 8;
  return (
    <ChartFrame title={title} columns={columns} data={data} format={format}>
      {({ titleId, descId }) => (
        <svg
          className={`chart__svg chart__svg--${tone}`}
          viewBox={`0 0 ${BAR_WIDTH} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          {data.map((d, i) => {
            const y = i * ROW + 4;
            const width = d.value > 0 ? Math.max(2, (d.value / top) * track) : 0;
            return (
              <g key={d.key}>
                <title>{`${d.label}: ${format(d.value)}${d.note ? ` (${d.note})` : ''}`}</title>
                <text className="chart__label" x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end">
                  {truncate(d.label, 30)}
                </text>
                <rect className="chart__track" x={LABEL_WIDTH} y={y + 4} width={track} height={ROW - 10} rx={3} />
                <rect className="chart__bar" x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 10} rx={3} />
                <text className="chart__value" x={LABEL_WIDTH + width + 6} y={y + ROW / 2}>
                  {format(d.value)}
                  {d.note ? ` · ${d.note}` : ''}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

export interface ColumnChartProps {
  title: string;
  description: string;
  columns: [string, string];
  data: readonly ChartDatum[];
  format: (value: number) => string;
}

const COL_WIDTH = 640;
const COL_HEIGHT = 220;
const AXIS = 28;

/** Vertical columns along a time axis (e.g. one per month). */
export function ColumnChart({ title, description, columns, data, format }: ColumnChartProps) {
  const top = Math.max(...data.map((d) => d.value), 1);
  const slot = COL_WIDTH / Math.max(data.length, 1);
  const barWidth = Math.max(4, Math.min(40, slot * 0.6));
  const plot = COL_HEIGHT - AXIS - 18;
  // Label every n-th column so the axis stays readable.
  const every = Math.ceil(data.length / 12);
  return (
    <ChartFrame title={title} columns={columns} data={data} format={format}>
      {({ titleId, descId }) => (
        <svg
          className="chart__svg chart__svg--primary"
          viewBox={`0 0 ${COL_WIDTH} ${COL_HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <line className="chart__axis" x1={0} x2={COL_WIDTH} y1={COL_HEIGHT - AXIS} y2={COL_HEIGHT - AXIS} />
          {data.map((d, i) => {
            const h = d.value > 0 ? Math.max(2, (d.value / top) * plot) : 0;
            const cx = i * slot + slot / 2;
            const y = COL_HEIGHT - AXIS - h;
            return (
              <g key={d.key}>
                <title>{`${d.label}: ${format(d.value)}`}</title>
                <rect className="chart__bar" x={cx - barWidth / 2} y={y} width={barWidth} height={h} rx={2} />
                {d.value > 0 && (
                  <text className="chart__value" x={cx} y={y - 4} textAnchor="middle">
                    {format(d.value)}
                  </text>
                )}
                {i % every === 0 && (
                  <text className="chart__label" x={cx} y={COL_HEIGHT - AXIS + 16} textAnchor="middle">
                    {d.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}
