import mongoose, { Schema, Types } from 'mongoose';
import { castNew, insertOnce, storedAlready } from './db';

const busy = () => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });

describe('insertOnce', () => {
  /** A collection that writes part of a batch and then refuses the rest with SQLITE_BUSY, once. */
  function flakyModel() {
    const stored = new Map<string, unknown>();
    let failed = false;
    return {
      stored,
      model: {
        async insertMany(docs: { _id: Types.ObjectId }[]) {
          for (const [i, d] of docs.entries()) {
            if (stored.has(String(d._id))) throw new Error('E11000 duplicate key');
            if (!failed && i === Math.floor(docs.length / 2)) {
              failed = true;
              throw busy();
            }
            stored.set(String(d._id), d);
          }
        },
        findById(id: string) {
          return { lean: async () => (stored.has(id) ? { _id: id } : null) };
        },
      },
    };
  }

  it('writes every document exactly once when a refused batch had written part of itself', async () => {
    const { model, stored } = flakyModel();
    const docs = Array.from({ length: 10 }, (_, i) => ({ _id: new Types.ObjectId(), n: i }));
    await insertOnce(model, docs);
    expect([...stored.keys()].sort()).toEqual(docs.map((d) => String(d._id)).sort());
  });
});

describe('storedAlready', () => {
  it('names the documents an unordered insert found stored already, and rethrows any other failure', () => {
    // The driver's write errors carry the code themselves or in `err`.
    const duplicates = Object.assign(new Error('E11000'), {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 3, err: { code: 11000 } },
      ],
    });
    expect(storedAlready(duplicates)).toEqual([0, 3]);
    const mixed = Object.assign(new Error('mixed'), {
      writeErrors: [
        { index: 0, code: 11000 },
        { index: 1, code: 121 },
      ],
    });
    expect(() => storedAlready(mixed)).toThrow('mixed');
    expect(() => storedAlready(new Error('SQLITE_BUSY'))).toThrow('SQLITE_BUSY');
  });
});

describe('castNew', () => {
  const model = new mongoose.Mongoose().model(
    'Thing',
    new Schema(
      {
        name: { type: String, required: true },
        kind: { type: String, enum: ['a', 'b'], default: 'a' },
        size: { type: Number, default: 0 },
        at: { type: Date },
        spec: { grade: { type: String, required: true } },
      },
      { strict: 'throw' },
    ),
  );

  const mongooseRefuses = (fields: Record<string, unknown>): string[] => {
    try {
      return Object.keys(new model(fields).validateSync()?.errors ?? {});
    } catch (err) {
      return [(err as { path?: string }).path ?? ''];
    }
  };

  it('casts, applies defaults and an id, and refuses what validateSync would, naming the paths', () => {
    const doc = castNew(model, { name: 'x', at: '2026-01-02', spec: { grade: 'g' } });
    expect(doc).toMatchObject({ name: 'x', kind: 'a', size: 0, spec: { grade: 'g' } });
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc._id).toBeInstanceOf(Types.ObjectId);
    for (const [fields, path] of [
      [{ spec: { grade: 'g' } }, 'name'],
      [{ name: 'x', spec: {} }, 'spec.grade'],
      [{ name: 'x', spec: { grade: 'g' }, kind: 'c' }, 'kind'],
      [{ name: 'x', spec: { grade: 'g' }, size: 'big' }, 'size'],
      [{ name: 'x', spec: { grade: 'g' }, extra: 1 }, 'extra'],
    ] as const) {
      let error: unknown;
      try {
        castNew(model, fields);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(mongoose.Error.ValidationError);
      expect(Object.keys((error as mongoose.Error.ValidationError).errors)).toEqual([path]);
      // The same path as the document's own checks name (a strict schema refuses an unknown field as it is set).
      expect(mongooseRefuses(fields)).toContain(path);
    }
  });

  it('refuses a model whose paths have validators it does not run', () => {
    const checked = new mongoose.Mongoose().model('Checked', new Schema({ n: { type: Number, min: 1 } }));
    expect(() => castNew(checked, { n: 2 })).toThrow(/n has a min validator/);
  });
});
