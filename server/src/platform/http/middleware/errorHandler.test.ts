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
  it('maps every way the driver says the database is away to 503 unavailable', () => {
    // The driver's own classes, from the copy mongoose uses (PoolClearedOnNetworkError is not exported).
    const cmap = require(require.resolve('mongodb/lib/cmap/errors', { paths: [require.resolve('mongoose')] }));
    const { mongo } = mongoose;
    const pool = { address: '127.0.0.1:1', serverError: new mongo.MongoNetworkError('connection closed') };
    const away = [
      new mongo.MongoNetworkError('connection 3 to 127.0.0.1:1 closed'),
      new mongo.MongoNetworkTimeoutError('timed out'),
      new cmap.PoolClearedError(pool),
      new cmap.PoolClearedOnNetworkError(pool),
      new cmap.WaitQueueTimeoutError('Timed out while checking out a connection from connection pool', '127.0.0.1:1'),
      new mongo.MongoServerSelectionError('Server selection timed out after 3000 ms', {} as never),
      new mongo.MongoNotConnectedError('not connected'),
      new mongo.MongoTopologyClosedError(),
      new mongo.MongoServerError({ message: 'interrupted at shutdown', code: 11600 }),
      new mongo.MongoServerError({ message: 'SQLITE_BUSY: database is locked', code: 1 }),
      // What the driver passes on unwrapped when it writes to a connection whose server was killed.
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
      // A bulk write cut off by a dead connection (the network error inside), as seen when FerretDB was killed.
      new mongo.MongoBulkWriteError(
        new mongo.MongoNetworkError('connection 40 to 127.0.0.1:1 closed') as never,
        { insertedCount: 0, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0 } as never,
      ),
    ];
    for (const err of away) expect([err.name, toAppError(err)?.status]).toEqual([err.name, 503]);
    // A server error that is the request's fault stays unmapped.
    expect(toAppError(new mongo.MongoServerError({ message: 'bad query', code: 2 }))).toBeNull();
  });
  it('leaves unknown errors unmapped (they become a 500 with an error id)', () => {
    expect(toAppError(new Error('boom'))).toBeNull();
  });
});
