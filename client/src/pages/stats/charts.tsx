import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';

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
  children: (frame: { titleId: string; descId: string; width: number }) => ReactNode;
}

/** Drawing width before the chart is measured (and in tests, where nothing is laid out). */
const DEFAULT_WIDTH = 640;

/**
 * The width the chart is shown at, in CSS pixels, so one SVG unit is one
 * pixel: text keeps its size on a phone instead of shrinking with the drawing.
 */
function useMeasuredWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.round(w));
    };
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => entry && measure(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** A chart card: the SVG (titled and described) plus the same numbers as a table for screen readers. */
function ChartFrame({ title, columns, data, format, children }: ChartFrameProps) {
  const uid = useId();
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const { ref, width } = useMeasuredWidth();
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div className="chart__plot" ref={ref}>
        {children({ titleId, descId, width })}
      </div>
      {/* A table ignores a 1px width: the hidden wrapper keeps it from widening the page. */}
      <div className="visually-hidden">
        <table>
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
      </div>
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

const ROW = 28;
/** Rough width of one character of the 12px chart text, to size the label and value columns. */
const CHAR = 6.6;
const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** Label, track and value columns for a drawing `width` pixels wide. */
export function barLayout(width: number, valueTexts: readonly string[]) {
  // Labels take two fifths: long sector names are cut as little as the bars allow.
  const label = Math.round(clamp(width * 0.4, 84, 240));
  const longest = Math.max(0, ...valueTexts.map((text) => text.length));
  const value = Math.round(clamp(longest * CHAR + 10, 40, width * 0.35));
  const track = Math.max(40, width - label - value);
  return { label, value, track, width: label + track + value, labelChars: Math.floor((label - 8) / CHAR) };
}

/** Horizontal bars, one row per datum: label, bar, value. */
export function BarChart({ title, description, columns, data, format, max, tone = 'primary' }: BarChartProps) {
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const valueText = (d: ChartDatum) => `${format(d.value)}${d.note ? ` · ${d.note}` : ''}`;
  const height = data.length * ROW + 8;
  return (
    <ChartFrame title={title} columns={columns} data={data} format={format}>
      {({ titleId, descId, width }) => {
        const layout = barLayout(width, data.map(valueText));
        const LABEL_WIDTH = layout.label;
        const track = layout.track;
        return (
          <svg
            className={`chart__svg chart__svg--${tone}`}
            viewBox={`0 0 ${layout.width} ${height}`}
            role="img"
            aria-labelledby={titleId}
            aria-describedby={descId}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{description}</desc>
            {data.map((d, i) => {
              const y = i * ROW + 4;
              const barWidth = d.value > 0 ? Math.max(2, (d.value / top) * track) : 0;
              return (
                <g key={d.key}>
                  <title>{`${d.label}: ${format(d.value)}${d.note ? ` (${d.note})` : ''}`}</title>
                  <text className="chart__label" x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end">
                    {truncate(d.label, layout.labelChars)}
                  </text>
                  <rect className="chart__track" x={LABEL_WIDTH} y={y + 4} width={track} height={ROW - 10} rx={3} />
                  <rect className="chart__bar" x={LABEL_WIDTH} y={y + 4} width={barWidth} height={ROW - 10} rx={3} />
                  <text className="chart__value" x={LABEL_WIDTH + barWidth + 6} y={y + ROW / 2}>
                    {valueText(d)}
                  </text>
                </g>
              );
            })}
          </svg>
        );
      }}
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

const COL_HEIGHT = 220;
const AXIS = 28;
/** Room one axis label needs ("03/2025", "Mar 2025"). */
const AXIS_LABEL = 64;

/** Vertical columns along a time axis (e.g. one per month). */
export function ColumnChart({ title, description, columns, data, format }: ColumnChartProps) {
  const top = Math.max(...data.map((d) => d.value), 1);
  const plot = COL_HEIGHT - AXIS - 18;
  return (
    <ChartFrame title={title} columns={columns} data={data} format={format}>
      {({ titleId, descId, width }) => {
        const slot = width / Math.max(data.length, 1);
        const barWidth = Math.max(4, Math.min(40, slot * 0.6));
        // Label every n-th column so the axis stays readable at this width.
        const every = Math.max(1, Math.ceil(data.length / Math.max(1, Math.floor(width / AXIS_LABEL))));
        return (
          <svg
            className="chart__svg chart__svg--primary"
            viewBox={`0 0 ${width} ${COL_HEIGHT}`}
            role="img"
            aria-labelledby={titleId}
            aria-describedby={descId}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{description}</desc>
            <line className="chart__axis" x1={0} x2={width} y1={COL_HEIGHT - AXIS} y2={COL_HEIGHT - AXIS} />
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
        );
      }}
    </ChartFrame>
  );
}
