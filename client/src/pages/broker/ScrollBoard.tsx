import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A horizontally scrolling board with a visible cue: shadows on the sides
 * that hide columns, a line saying so, and buttons to scroll by a column.
 */
export function ScrollBoard({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setEdges({ left: el.scrollLeft > 4, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 4 });
  }, []);
  useEffect(() => {
    measure();
    const el = ref.current;
    const observer = typeof ResizeObserver === 'undefined' || !el ? null : new ResizeObserver(measure);
    if (el) observer?.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [measure]);
  const by = (dir: number) => ref.current?.scrollBy({ left: dir * 240, behavior: 'smooth' });
  const overflowing = edges.left || edges.right;
  return (
    <div
      className={`board-scroll${edges.left ? ' board-scroll--left' : ''}${edges.right ? ' board-scroll--right' : ''}`}
    >
      {overflowing && (
        <div className="board-scroll__cue">
          <span>{t('broker.scrollHint')}</span>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => by(-1)}
            disabled={!edges.left}
            aria-label={t('broker.scrollLeft')}
          >
            ‹
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => by(1)}
            disabled={!edges.right}
            aria-label={t('broker.scrollRight')}
          >
            ›
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the board scrolls sideways and must be reachable by keyboard. */}
      <section ref={ref} className="board" tabIndex={0} aria-label={label} onScroll={measure}>
        {children}
      </section>
    </div>
  );
}
