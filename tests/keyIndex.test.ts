import { keyIndex } from '../server/src/platform/keyIndex';
import { startTestApp, type TestApp } from './helpers/app';
import { spy } from './helpers/dbSpy';

/** Key collections on the real database: bulk additions across keys keep every id once, and `keep` trims. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('key collections', () => {
  it('adds to several keys at once, concurrent additions to one key all kept, each id once', async () => {
    const keys = keyIndex(t.ctx.db.connection, 'OrgMatches');
    await Promise.all([
      keys.addEach(
        new Map([
          ['a', ['1', '2']],
          ['b', ['1']],
        ]),
      ),
      keys.add('a', ['3']),
      keys.addEach(new Map([['a', ['2', '4']]])),
    ]);
    expect((await keys.get('a')).sort()).toEqual(['1', '2', '3', '4']);
    expect(await keys.get('b')).toEqual(['1']);
  });

  it('adds to 150 existing keys at once (FerretDB waits forever on an update command of more than 100 statements)', async () => {
    const keys = keyIndex(t.ctx.db.connection, 'OrgMatches');
    const many = (id: string) => new Map(Array.from({ length: 150 }, (_, i) => [`many-${i}`, [id]]));
    await keys.addEach(many('1'));
    // The keys exist now: each addition is an update of an existing document.
    await keys.addEach(many('2'));
    expect(await keys.get('many-0')).toEqual(['1', '2']);
    expect(await keys.get('many-149')).toEqual(['1', '2']);
  }, 60_000);

  it('keeps only the newest ids under each key when asked', async () => {
    const keys = keyIndex(t.ctx.db.connection, 'OrgMatches');
    await keys.addEach(new Map([['c', ['1', '2']]]), 3);
    await keys.addEach(
      new Map([
        ['c', ['3', '4']],
        ['d', ['9']],
      ]),
      3,
    );
    expect(await keys.get('c')).toEqual(['2', '3', '4']);
    expect(await keys.get('d')).toEqual(['9']);
  });

  it('with slack, holds up to keep + slack ids and is then trimmed back to the newest keep', async () => {
    const keys = keyIndex(t.ctx.db.connection, 'OrgMatches');
    await keys.add('e', ['1', '2'], 3, 2);
    await keys.add('e', ['3', '4'], 3, 2);
    await keys.add('e', ['5'], 3, 2);
    // Five ids: within keep (3) + slack (2), so nothing was trimmed yet.
    expect(await keys.get('e')).toEqual(['1', '2', '3', '4', '5']);
    await keys.add('e', ['6'], 3, 2);
    expect(await keys.get('e')).toEqual(['4', '5', '6']);
  });

  it('writes additions made while a write is in flight together, in one bulk command', async () => {
    const keys = keyIndex(t.ctx.db.connection, 'ListingMatches');
    const ops = await spy(t, async () => {
      const first = keys.addEach(new Map([['g0', ['0']]]));
      // The first write is under way: the next eleven wait for it, and then go together.
      await new Promise((r) => setImmediate(r));
      await Promise.all([
        first,
        ...Array.from({ length: 11 }, (_, i) => keys.addEach(new Map([[`g${(i + 1) % 4}`, [`${i + 1}`]]]))),
      ]);
    });
    expect(ops.filter((op) => op.method === 'bulkWrite').length).toBe(2);
    for (let k = 0; k < 4; k++)
      expect((await keys.get(`g${k}`)).sort()).toEqual([`${k}`, `${k + 4}`, `${k + 8}`].sort());
  });
});
