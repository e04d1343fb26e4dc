import mongoose from 'mongoose';
import { AppError } from '../../errors';
import { toAppError } from './errorHandler';

describe('toAppError', () => {
  it('keeps application errors as they are', () => {
    const err = new AppError(409, 'conflict', 'x');
    expect(toAppError(err)).toBe(err);
  });
  it('maps body-parser errors to 413 and 400', () => {
    expect(toAppError({ type: 'entity.too.large' })?.status).toBe(413);
    expect(toAppError({ type: 'entity.parse.failed' })?.status).toBe(400);
  });
  it('maps a duplicate key to 409 and a cast error to 400 naming the path', () => {
    expect(toAppError({ code: 11000 })?.status).toBe(409);
    const cast = new mongoose.Error.CastError('ObjectId', 'zz', 'organizationId');
    expect(toAppError(cast)).toMatchObject({ status: 400, fields: { organizationId: 'Invalid value' } });
  });
  it('leaves unknown errors unmapped (they become a 500 with an error id)', () => {
    expect(toAppError(new Error('boom'))).toBeNull();
  });
});
