/** Errors that reach the client: each carries an HTTP status and a stable code. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new AppError(400, fields ? 'validation' : 'bad_request', message, fields);
export const validationError = (fields: Record<string, string>, message = 'Invalid input') =>
  new AppError(400, 'validation', message, fields);
export const unauthorized = (message = 'Authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (message: string, fields?: Record<string, string>) =>
  new AppError(409, 'conflict', message, fields);
export const tooManyRequests = (message = 'Too many requests, try again later') =>
  new AppError(429, 'rate_limited', message);
export const serviceUnavailable = (message: string) => new AppError(503, 'unavailable', message);
