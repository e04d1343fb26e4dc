export interface SkeletonProps {
  /** CSS width, e.g. "60%". */
  width?: string;
  variant?: 'text' | 'title' | 'block';
}

/** A grey placeholder shape while content loads; hidden from assistive tech (pair it with a status text). */
export function Skeleton({ width, variant = 'text' }: SkeletonProps) {
  return <span className={`skeleton skeleton--${variant}`} style={width ? { width } : undefined} aria-hidden="true" />;
}
