import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/errors';
import i18n from '../i18n';
import { describeApiError } from './describeApiError';

const t = i18n.getFixedT('en');
const error = (status: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status, code: `http_${status}`, message: `Server says ${status}`, ...extra });

describe('describeApiError', () => {
  it('gives a generic sentence for anything that is not an API error', () => {
    expect(describeApiError(new Error('boom'), t)).toBe(t('errors.generic'));
    expect(describeApiError(undefined, t)).toBe(t('errors.generic'));
  });

  it('explains an unreachable server, rate limits (with the wait) and server faults', () => {
    expect(describeApiError(error(0), t)).toBe(t('errors.network'));
    expect(describeApiError(error(429), t)).toBe(t('errors.tooMany'));
    const wait = describeApiError(error(429, { retryAfterSeconds: 30 }), t);
    expect(wait).toBe(t('errors.tooManyWait', { seconds: 30 }));
    expect(wait).toContain('30');
    expect(describeApiError(error(503), t)).toBe(t('errors.server'));
  });

  it('uses the form’s own messages for 401, 403, 404 and 409 when given', () => {
    const messages = { unauthorized: 'Wrong password', forbidden: 'Owners only', notFound: 'Gone', conflict: 'Taken' };
    expect(describeApiError(error(401), t, messages)).toBe('Wrong password');
    expect(describeApiError(error(403), t, messages)).toBe('Owners only');
    expect(describeApiError(error(404), t, messages)).toBe('Gone');
    expect(describeApiError(error(409), t, messages)).toBe('Taken');
  });

  it('falls back to the generic 401 sentence and to the server’s message otherwise', () => {
    expect(describeApiError(error(401), t)).toBe(t('errors.unauthorized'));
    expect(describeApiError(error(403), t)).toBe('Server says 403');
    expect(describeApiError(error(404, { message: '' }), t)).toBe(t('errors.generic'));
  });

  it('points at the fields for a 400 with field messages', () => {
    expect(describeApiError(error(400, { fields: { email: 'taken' } }), t)).toBe(t('auth.errors.checkFields'));
    expect(describeApiError(error(400), t)).toBe('Server says 400');
  });

  it('speaks the language asked for', () => {
    expect(describeApiError(error(0), i18n.getFixedT('vi'))).not.toBe(describeApiError(error(0), t));
  });
});
