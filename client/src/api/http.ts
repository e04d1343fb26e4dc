import { currentLang } from '../i18n';
import { ApiError, clientErrorCodes, errorFromResponse, networkError } from './errors';
import { tokenStore } from './tokenStore';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * On a 401, refresh the access token once and retry. Default true; turn it
   * off where 401 means "wrong credentials" (login) rather than "expired".
   */
  refreshOnUnauthorized?: boolean;
  /** Sent as `Idempotency-Key`: the same key on a retry makes the server apply the request once. */
  idempotencyKey?: string;
}

const REFRESH_PATH = '/api/auth/refresh';

export function headersFor(options: RequestOptions, token: string | null): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLang() });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  return headers;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers: headersFor(options, token),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: response.status, code: clientErrorCodes.badResponse, message: 'Invalid JSON' });
  }
}

let refreshInFlight: Promise<string | null> | null = null;

async function doRefresh(): Promise<string | null> {
  const response = await send(REFRESH_PATH, { method: 'POST' }, null);
  if (response.status === 401 || response.status === 403) {
    tokenStore.set(null);
    return null;
  }
  if (!response.ok) throw await errorFromResponse(response);
  const body = await readBody<{ accessToken?: unknown }>(response);
  const token = typeof body?.accessToken === 'string' ? body.accessToken : null;
  tokenStore.set(token);
  return token;
}

/**
 * Exchanges the httpOnly refresh cookie for a new access token. Concurrent
 * callers share one request, so a rotating refresh token is never spent twice.
 * Resolves to null when there is no valid session; throws on network errors.
 */
export function refreshAccessToken(): Promise<string | null> {
  refreshInFlight ??= doRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/**
 * Runs a request with the current access token; on a 401 refreshes once and
 * runs it again with the fresh token. Shared by JSON, file and upload calls.
 */
export async function withFreshToken<R extends { status: number }>(
  run: (token: string | null) => Promise<R>,
  refreshOnUnauthorized = true,
): Promise<R> {
  const usedToken = tokenStore.get();
  let response = await run(usedToken);
  if (response.status === 401 && refreshOnUnauthorized) {
    const current = tokenStore.get();
    // Another request may already have refreshed while this one was in flight.
    const fresh = current && current !== usedToken ? current : await refreshAccessToken().catch(() => null);
    if (fresh) response = await run(fresh);
  }
  return response;
}

/** Calls the JSON API; throws ApiError for any non-2xx answer. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await withFreshToken((token) => send(path, options, token), options.refreshOnUnauthorized);
  if (!response.ok) throw await errorFromResponse(response);
  return readBody<T>(response);
}

/** Downloads a file from the API with the session's token (plain links cannot send it). */
export async function apiFetchBlob(path: string, options: Pick<RequestOptions, 'signal'> = {}): Promise<Blob> {
  const response = await withFreshToken((token) => send(path, options, token));
  if (!response.ok) throw await errorFromResponse(response);
  return response.blob();
}
