import type { Location } from 'react-router';

export interface FromState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

const DEFAULT_AFTER_SIGN_IN = '/app';

/** Where to go after signing in: the protected page that sent the user to /login, else the dashboard. */
export function afterSignInPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || !from.pathname.startsWith('/')) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (from.pathname === '/login' || from.pathname === '/register') return DEFAULT_AFTER_SIGN_IN;
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}
