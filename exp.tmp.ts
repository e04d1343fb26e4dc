import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findMeiliBinary, startMeili } from './server/src/platform/services/meili';

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mx-'));
  const m = await startMeili(findMeiliBinary(), dir);
  const h = { 'content-type': 'application/json', authorization: `Bearer ${m.masterKey}` };
  const call = async (method: string, url: string, body?: unknown) =>
    (await fetch(m.url + url, { method, headers: h, body: body ? JSON.stringify(body) : undefined })).json();
  const wait = async (t: any) => {
    for (;;) {
      const s = await call('GET', `/tasks/${t.taskUid}`);
      if (s.status === 'succeeded' || s.status === 'failed') return s;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await wait(await call('POST', '/indexes', { uid: 'x', primaryKey: 'id' }));
  await wait(
    await call('PATCH', '/indexes/x/settings', {
      searchableAttributes: ['m_title', 'f_title', 'f_body'],
      typoTolerance: { disableOnAttributes: ['m_title'] },
    }),
  );
  const docs = [
    {
      id: 1,
      f_title: 'che bien thuy san dong lanh thai nguyen',
      m_title: 'chees bieens thuyr sanr ddoong lanhj thasi nguyeen',
      f_body: '',
    },
    { id: 2, f_title: 'day chuyen che xanh thai nguyen', m_title: 'daay chuyeenf chef xanh thasi nguyeen', f_body: '' },
    { id: 3, f_title: 'che xanh moc chau', m_title: 'chef xanh mooc chaau', f_body: '' },
    {
      id: 4,
      f_title: 'xu ly nuoc thai che bien thuy san',
      m_title: 'xuwr lys nuwowcs thaxi chees bieens thuyr sanr',
      f_body: 'thai nguyen',
    },
    { id: 5, f_title: 'gach khong nung tu tro bay', m_title: 'gachj khoong nung tuwf tro bay', f_body: '' },
    { id: 6, f_title: 'thiet bi bay uav phun thuoc', m_title: 'thieets bij bay uav phun thuoocs', f_body: '' },
  ];
  await wait(await call('POST', '/indexes/x/documents', docs));
  for (const [q, strat] of [
    ['che thai nguyen chef thasi nguyeen', 'last'],
    ['che thai nguyen chef thasi nguyeen', 'frequency'],
    ['che thai nguyen', 'last'],
    ['chef thasi nguyeen che thai nguyen', 'last'],
    ['che', 'last'],
    ['che chef', 'last'],
  ] as const) {
    const r = await call('POST', '/indexes/x/search', {
      q,
      matchingStrategy: strat,
      showRankingScore: true,
      showRankingScoreDetails: false,
      attributesToRetrieve: ['id'],
    });
    console.log(
      strat.padEnd(9),
      q.padEnd(40),
      JSON.stringify(r.hits.map((x: any) => `${x.id}:${x._rankingScore.toFixed(3)}`)),
    );
  }
  await m.child.stop();
})();
