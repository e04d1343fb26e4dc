type Listener = () => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

/**
 * The access token lives in memory only (never in storage, out of reach of
 * injected scripts); the refresh token is an httpOnly cookie the browser sends
 * to /api/auth/refresh. Subscribable so React can follow it.
 */
export const tokenStore = {
  get(): string | null {
    return accessToken;
  },
  set(token: string | null): void {
    if (token === accessToken) return;
    accessToken = token;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
