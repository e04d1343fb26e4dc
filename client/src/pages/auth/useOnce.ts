import { useEffect, useRef } from 'react';

/**
 * Runs an action once per mounted page, even when React runs effects twice
 * (StrictMode): for links that spend a single-use token on arrival.
 */
export function useOnce(action: () => void, enabled = true): void {
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || done.current) return;
    done.current = true;
    action();
  });
}
