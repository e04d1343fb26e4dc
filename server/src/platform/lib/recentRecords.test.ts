import { recentRecords } from './recentRecords';

type Rec = { _id: string; v: number };
const store = () => {
  const db = new Map<string, Rec>();
  const loads: string[][] = [];
  const load = async (ids: string[]) => {
    loads.push(ids);
    return ids.flatMap((id) => (db.has(id) ? [{ ...(db.get(id) as Rec) }] : []));
  };
  return { db, loads, load };
};

describe('recentRecords', () => {
  it('serves a record read within the age asked for, each id once, and reads the rest', async () => {
    const { db, loads, load } = store();
    db.set('a', { _id: 'a', v: 1 });
    db.set('b', { _id: 'b', v: 1 });
    const recent = recentRecords<Rec>({ retainMs: 60_000, capacity: 10 });
    expect(await recent.read(['a', 'a'], 1000, load)).toEqual([{ _id: 'a', v: 1 }]);
    db.set('a', { _id: 'a', v: 2 });
    expect(await recent.read(['a', 'b', 'zz'], 1000, load)).toEqual([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 1 },
    ]);
    expect(loads).toEqual([['a'], ['b', 'zz']]);
    // Older than the reader accepts: read again.
    await new Promise((r) => setTimeout(r, 15));
    expect(await recent.read(['a'], 5, load)).toEqual([{ _id: 'a', v: 2 }]);
  });

  it('forgets a record written, and keeps nothing read or remembered while a write was under way', async () => {
    const { db, load } = store();
    db.set('a', { _id: 'a', v: 1 });
    const recent = recentRecords<Rec>({ retainMs: 60_000, capacity: 10 });
    await recent.read(['a'], 1000, load);
    db.set('a', { _id: 'a', v: 2 });
    recent.forget('a');
    expect(await recent.read(['a'], 1000, load)).toEqual([{ _id: 'a', v: 2 }]);

    // A read that overlaps a write is returned but not kept.
    db.set('a', { _id: 'a', v: 3 });
    recent.forget('a');
    const overlapping = recent.read(['a'], 1000, async (ids) => {
      const read = await load(ids);
      db.set('a', { _id: 'a', v: 4 });
      recent.forget('a');
      return read;
    });
    expect(await overlapping).toEqual([{ _id: 'a', v: 3 }]);
    expect(await recent.read(['a'], 1000, load)).toEqual([{ _id: 'a', v: 4 }]);

    // Records written by the owner are remembered unless a write came between.
    const mark = recent.mark();
    recent.forget('other');
    recent.keep(mark, [['n', { _id: 'n', v: 9 }]], Date.now());
    expect(await recent.read(['n'], 1000, load)).toEqual([]);
    recent.keep(recent.mark(), [['n', { _id: 'n', v: 9 }]], Date.now());
    expect(await recent.read(['n'], 1000, load)).toEqual([{ _id: 'n', v: 9 }]);
  });

  it('keeps at most its capacity, the newest, and nothing older than it retains', async () => {
    const { db, loads, load } = store();
    for (const id of ['a', 'b', 'c']) db.set(id, { _id: id, v: 1 });
    const recent = recentRecords<Rec>({ retainMs: 60_000, capacity: 2 });
    await recent.read(['a'], 1000, load);
    await recent.read(['b'], 1000, load);
    await recent.read(['c'], 1000, load);
    loads.length = 0;
    await recent.read(['b', 'c', 'a'], 1000, load);
    expect(loads).toEqual([['a']]);

    const short = recentRecords<Rec>({ retainMs: 10, capacity: 10 });
    short.keep(short.mark(), [['x', { _id: 'x', v: 1 }]], Date.now() - 50);
    short.keep(short.mark(), [['y', { _id: 'y', v: 1 }]], Date.now());
    loads.length = 0;
    await short.read(['x'], 1000, load);
    expect(loads).toEqual([['x']]);
  });
  it('forgets the records a write named once it is done, and once it failed', async () => {
    const { db, loads, load } = store();
    for (const id of ['a', 'b']) db.set(id, { _id: id, v: 1 });
    const recent = recentRecords<Rec>({ retainMs: 60_000, capacity: 10 });
    await recent.read(['a', 'b'], 1000, load);
    const written = await recent.writing(['a'], async () => {
      db.set('a', { _id: 'a', v: 2 });
      return 'done';
    });
    expect(written).toBe('done');
    await expect(
      recent.writing(['b'], async () => {
        db.set('b', { _id: 'b', v: 2 });
        throw new Error('cut off');
      }),
    ).rejects.toThrow('cut off');
    loads.length = 0;
    expect(await recent.read(['a', 'b'], 1000, load)).toEqual([
      { _id: 'a', v: 2 },
      { _id: 'b', v: 2 },
    ]);
    expect(loads).toEqual([['a', 'b']]);
  });
});
