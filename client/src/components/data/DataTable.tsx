import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';

export interface Column<T> {
  /** Identifies the column (React key). */
  key: string;
  header: ReactNode;
  /** Keeps the header for screen readers only, e.g. an actions column. */
  headerHidden?: boolean;
  cell: (row: T, index: number) => ReactNode;
  /** Renders the cell as the row's header (`<th scope="row">`), e.g. the title column. */
  rowHeader?: boolean;
  className?: string;
  align?: 'start' | 'center' | 'end';
  /**
   * The label shown before the value when rows stack on phones (`data-label`).
   * Defaults to the header when it is text, except for row headers and hidden
   * headers; `false` for none.
   */
  label?: string | false;
}

/** A table is named by a caption or, failing that, an aria-label. */
type TableName =
  | { caption: ReactNode; captionHidden?: boolean; label?: undefined }
  | { label: string; caption?: undefined; captionHidden?: undefined };

export type DataTableProps<T> = TableName & {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Extra classes after "data-table". */
  className?: string;
  rowClassName?: (row: T) => string | undefined;
  /** Shown instead of the table when there are no rows; nothing by default. */
  empty?: ReactNode;
};

const alignClass = { start: '', center: 'data-table__cell--center', end: 'data-table__cell--end' };

function classes(...names: (string | false | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/** The label a cell carries for the stacked phone layout. */
export function cellLabel<T>(column: Column<T>): string | undefined {
  if (column.label === false) return undefined;
  if (typeof column.label === 'string') return column.label;
  if (column.rowHeader || column.headerHidden) return undefined;
  return typeof column.header === 'string' ? column.header : undefined;
}

/** True while the element's content is wider than the element (so it scrolls sideways). */
function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflowing;
}

/**
 * A data table with typed columns: a header row, one row per item (keyed by
 * `rowKey`), named by a caption or an aria-label. It sits in a wrapper that
 * scrolls sideways when the table is wider than the screen; while it does, the
 * wrapper is a named, focusable region so keyboard users can scroll it too.
 * On phones the rows stack as small cards with labelled cells (dashboard.css).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, className, rowClassName, empty } = props;
  const captionId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const overflowing = useHorizontalOverflow(scroller);

  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;

  const name = props.caption !== undefined ? { 'aria-labelledby': captionId } : { 'aria-label': props.label as string };
  return (
    <div
      ref={scroller}
      className="data-table-scroll"
      {...(overflowing ? { role: 'region', tabIndex: 0, ...name } : {})}
    >
      <table className={classes('data-table', className)} aria-label={props.label}>
        {props.caption !== undefined && (
          <caption id={captionId} className={props.captionHidden ? 'visually-hidden' : 'data-table__caption'}>
            {props.caption}
          </caption>
        )}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={classes(column.align && alignClass[column.align])}>
                {column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {columns.map((column) => {
                const className = classes(column.className, column.align && alignClass[column.align]);
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={className}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={column.key} className={className} data-label={cellLabel(column)}>
                    {column.cell(row, index)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
