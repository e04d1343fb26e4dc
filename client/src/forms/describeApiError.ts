import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors';

export interface ApiErrorMessages {
  /** Message for a 401 on this form (e.g. wrong email or password). */
  unauthorized?: string;
  /** Message for a 403 on this form (e.g. only the organisation's owner may do this). */
  forbidden?: string;
  /** Message for a 404 on this form (e.g. the request was already decided). */
  notFound?: string;
  /** Message for a 409 on this form (e.g. email already registered). */
  conflict?: string;
}

/** Turns any failure from the API layer into a sentence in the UI language. */
export function describeApiError(error: unknown, t: TFunction, messages: ApiErrorMessages = {}): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (error.status === 429) {
    return error.retryAfterSeconds
      ? t('errors.tooManyWait', { seconds: error.retryAfterSeconds })
      : t('errors.tooMany');
  }
  if (error.status === 401) return messages.unauthorized ?? t('errors.unauthorized');
  // Publishing and contacting need a confirmed address (the banner above every page offers the link again).
  if (error.code === 'email_unverified') return t('verifyEmail.required');
  if (error.status === 403 && messages.forbidden) return messages.forbidden;
  if (error.status === 404 && messages.notFound) return messages.notFound;
  if (error.status === 409 && messages.conflict) return messages.conflict;
  if (error.status === 400 && error.hasFieldErrors) return t('auth.errors.checkFields');
  if (error.status >= 500) return t('errors.server');
  return error.message || t('errors.generic');
}
