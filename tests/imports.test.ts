import { getProvince, type ImportReport } from '@techbridge/shared';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import request from 'supertest';
import { rowsFor } from '../scripts/bench/rows';
import { listingStore } from '../server/src/modules/listings/store';
import { searchDocId } from '../server/src/modules/search/listingsIndex';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildOrg, type Member } from './helpers/factories';
import { connectAs } from './helpers/sockets';

/** Bulk import and export, on an app (and database) of their own: the 1,000-row import is heavy. */
let t: TestApp;
const api = () => request(t.app.server);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
}, 120_000);

describe('bulk import and export', () => {
  jest.setTimeout(180_000);

  function csvOf(rows: string[][]): Buffer {
    const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return Buffer.from(rows.map((r) => r.map(esc).join(',')).join('\n'));
  }

  it('a 1,000-row CSV with 20 bad rows: the dry run reports exactly those, the real run imports 980, a second run changes nothing', async () => {
    const institute = await buildOrg(t, { type: 'research_institute', verified: true });
    const template = await api().get('/api/import/offer/template?format=csv').set(institute.auth);
    const header = template.text
      .replace(/^\uFEFF/, '')
      .split('\n')[0]
      .split(',');
    expect(header[0]).toBe('ref');
    const bad = new Map<number, string>(); // data index -> column expected in the report
    const rows: string[][] = [header];
    for (let i = 0; i < 1000; i++) {
      const r: Record<string, string> = {
        ref: `VIEN-${String(i).padStart(4, '0')}`,
        title: `Kết quả nghiên cứu số ${i}: chế phẩm vi sinh xử lý môi trường`,
        summary: 'Chế phẩm vi sinh xử lý bùn đáy ao, giảm khí độc, tăng tỷ lệ sống của tôm nuôi.',
        description: '',
        sectors: 'aquaculture; environment',
        keywords: 'vi sinh; bùn đáy',
        trl: String(4 + (i % 5)),
        province: i % 2 ? 'Cần Thơ' : 'Sóc Trăng',
        transferModes: 'license_non_exclusive',
        ipType: 'patent',
        ipStatus: 'filed',
        ipNumber: '',
        priceMin: '',
        priceMax: '',
        negotiable: 'yes',
        applications: '',
        confidential: `Bí quyết ${i}`,
      };
      if (i % 50 === 7) {
        const kind = ((i / 50) % 4) | 0;
        const [column, value] = (
          [
            ['trl', '12'],
            ['sectors', 'astrology'],
            ['province', 'Sao Hỏa'],
            ['title', ''],
          ] as const
        )[kind];
        r[column] = value;
        bad.set(i, column);
      }
      rows.push(header.map((h) => r[h] ?? ''));
    }
    expect(bad.size).toBe(20);
    const file = csvOf(rows);
    const dry = await api()
      .post('/api/import/offer?dryRun=true')
      .set(institute.auth)
      .set('Accept-Language', 'en')
      .attach('file', file, 'offers.csv');
    expect(dry.status).toBe(200);
    const report: ImportReport = dry.body.data;
    expect(report).toMatchObject({ dryRun: true, total: 1000, valid: 980, invalid: 20, created: 0 });
    expect(report.problems.map((p) => p.row)).toEqual([...bad.keys()].map((i) => i + 2));
    for (const p of report.problems) expect(Object.keys(p.fields)).toEqual([bad.get(p.row - 2)]);
    expect(report.problems[0].fields.trl).toBe('TRL must be a whole number from 1 to 9');
    expect(await t.models.Offer.countDocuments({ organizationId: institute.organization.id })).toBe(0);

    const socket = await connectAs(t, institute.accessToken);
    const real = await api()
      .post('/api/import/offer?dryRun=false')
      .set(institute.auth)
      .attach('file', file, 'offers.csv');
    expect(real.body.data).toMatchObject({ dryRun: false, created: 980, updated: 0, unchanged: 0, invalid: 20 });
    const progress = socket.received
      .filter((r) => r.event === 'import:progress')
      .map((r) => r.payload as { done: number; total: number; phase: string });
    expect(progress.length).toBeGreaterThan(1);
    // Checked, written, then searchable, each counting up to the end.
    expect(progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual([
      'validating',
      'writing',
      'indexing',
    ]);
    expect(progress.filter((p) => p.phase === 'writing').at(-1)).toMatchObject({ done: 980, total: 980 });
    expect(progress.at(-1)).toMatchObject({ done: 980, total: 980, phase: 'indexing' });
    socket.close();
    // The import answered once its listings were searchable: no waiting for a background sync.
    const indexed = await t.ctx.search.client
      .index(t.workers.searchSync.indexUid)
      .search('', { filter: [`orgId = "${institute.organization.id}"`], limit: 0 });
    expect(indexed.estimatedTotalHits).toBe(980);
    expect(await t.models.IndexJob.countDocuments({})).toBe(0);
    expect(
      await t.models.Offer.countDocuments({ organizationId: institute.organization.id, status: 'published' }),
    ).toBe(980);
    // Legacy province names were resolved: Sóc Trăng is part of Cần Thơ since 2025.
    expect(await t.models.Offer.countDocuments({ organizationId: institute.organization.id, province: 'CTO' })).toBe(
      980,
    );

    const before = await t.models.Offer.find(
      { organizationId: institute.organization.id },
      { rev: 1, updatedAt: 1 },
    ).lean();
    const again = await api()
      .post('/api/import/offer?dryRun=false')
      .set(institute.auth)
      .attach('file', file, 'offers.csv');
    expect(again.body.data).toMatchObject({ created: 0, updated: 0, unchanged: 980 });
    const after = await t.models.Offer.find(
      { organizationId: institute.organization.id },
      { rev: 1, updatedAt: 1 },
    ).lean();
    expect(after.map((d) => [String(d._id), d.rev, d.updatedAt.toISOString()]).sort()).toEqual(
      before.map((d) => [String(d._id), d.rev, d.updatedAt.toISOString()]).sort(),
    );
  });

  it('a real import alerts the followers of its sectors, once for each new listing, through the delivery loop', async () => {
    const follower = await buildOrg(t, { type: 'enterprise', verified: true });
    await api().post('/api/follows').set(follower.auth).send({ sector: 'aquaculture' }).expect(201);
    const institute = await buildOrg(t, { type: 'research_institute', verified: true });
    const res = await api()
      .post('/api/import/offer?dryRun=false')
      .set(institute.auth)
      .attach('file', Buffer.from(rowsFor('offer', 0, 40)), 'offers.csv');
    expect(res.status).toBe(200);
    expect(res.body.data.created).toBe(40);
    const followed = await t.models.Offer.find({ organizationId: institute.organization.id, sectors: 'aquaculture' })
      .select('_id')
      .lean();
    expect(followed.length).toBeGreaterThan(0);
    await t.workers.outbox.settled();
    const alerts = await t.models.Notification.find({ userId: follower.user.id, type: 'sector.new_listing' }).lean();
    expect(alerts.map((n) => String(n.data.listingId)).sort()).toEqual(followed.map((o) => String(o._id)).sort());
  });

  it('exports one’s own listings as an XLSX that opens and holds them', async () => {
    const owner = await buildOrg(t, { type: 'enterprise', verified: true });
    const a = await buildListing(t, owner, 'demand', { title: 'Cần máy tách hạt điều tự động' });
    const b = await buildListing(t, owner, 'demand', { title: 'Cần phần mềm truy xuất nguồn gốc' }, { publish: false });
    const res = await api()
      .get('/api/export/demand?format=xlsx')
      .set(owner.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    // Five lines stating what the file holds and a blank row above the table.
    expect(sheet.getRow(1).getCell(1).text).toBe('TechBridge — Nhu cầu công nghệ');
    expect(sheet.getRow(7).getCell(1).text).toBe('ref');
    expect(sheet.getRow(7).font?.bold).toBe(true);
    const titles = [8, 9].map((r) => sheet.getRow(r).getCell(2).text);
    expect(titles.sort()).toEqual([a.title, b.title].sort());
    expect(sheet.rowCount).toBe(9);
  });

  it('exports names in the reader’s language under a header of scope and filters, and imports that very file back unchanged', async () => {
    const institute = await buildOrg(t, { type: 'research_institute', verified: true });
    const header = Object.keys(offerRow(0));
    const file = csvOf([header, ...[0, 1, 2].map((i) => header.map((h) => offerRow(i)[h]))]);
    const imported = await api()
      .post('/api/import/offer?dryRun=false')
      .set(institute.auth)
      .attach('file', file, 'offers.csv');
    expect(imported.body.data).toMatchObject({ created: 3, invalid: 0 });

    const exportCsv = async (lang: 'vi' | 'en', filter = '') => {
      const res = await api()
        .get(`/api/export/offer?format=csv${filter}`)
        .set(institute.auth)
        .set('Accept-Language', lang);
      expect(res.status).toBe(200);
      return res.text;
    };
    const vi = await exportCsv('vi');
    const viLines = vi.replace(/^\uFEFF/, '').split(/\r?\n/);
    const orgName = institute.organization.name as string;
    expect(viLines[0]).toBe('TechBridge — Công nghệ chào bán');
    expect(viLines[1]).toBe(`Phạm vi,"Tin đăng của tổ chức ${orgName} (Viện nghiên cứu, ${provinceName(institute)})"`);
    expect(viLines[2]).toBe('Bộ lọc,Không lọc (mọi trạng thái)');
    expect(viLines[3]).toBe('Số tin,3');
    expect(viLines[4]).toMatch(/^Thời điểm xuất,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)$/);
    expect(viLines[5]).toBe('');
    expect(viLines[6]).toBe(header.join(','));
    expect(vi).toContain('Thủy sản; Môi trường & xử lý chất thải');
    expect(vi).toContain(',Cần Thơ,');
    expect(vi).toContain('Chuyển giao quyền sử dụng không độc quyền');
    expect(vi).toContain('Bằng độc quyền sáng chế');
    expect(vi).not.toMatch(/\baquaculture\b|\blicense_non_exclusive\b|,CTO,|,patent,|,filed,/);
    // Still escaped against CSV injection.
    expect(vi).toContain("'=HYPERLINK(");
    expect(vi).not.toMatch(/[,\n]=HYPERLINK/);

    const en = await exportCsv('en', '&status=published');
    const enLines = en.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(enLines[0]).toBe('TechBridge — Technology offers');
    expect(enLines[1]).toBe(`Scope,"Listings of ${orgName} (Research institute, ${provinceName(institute)})"`);
    expect(enLines[2]).toBe('Filters,Status: Published');
    expect(en).toContain('Aquaculture & fisheries; Environment & waste treatment');
    expect(en).toContain('Patent (invention)');
    expect(en).not.toMatch(/\baquaculture\b|\blicense_non_exclusive\b|,CTO,/);

    // The exported files import back: no row errors, and nothing changes (the names resolve to the same codes).
    for (const [text, name] of [
      [vi, 'offers-vi.csv'],
      [en, 'offers-en.csv'],
    ] as const) {
      const dry = await api()
        .post('/api/import/offer?dryRun=true')
        .set(institute.auth)
        .attach('file', Buffer.from(text), name);
      expect(dry.body.data).toMatchObject({ total: 3, valid: 3, invalid: 0, problems: [] });
      const real = await api()
        .post('/api/import/offer?dryRun=false')
        .set(institute.auth)
        .attach('file', Buffer.from(text), name);
      expect(real.body.data).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    }
    const xlsx = await api()
      .get('/api/export/offer?format=xlsx')
      .set(institute.auth)
      .set('Accept-Language', 'en')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const back = await api()
      .post('/api/import/offer?dryRun=false')
      .set(institute.auth)
      .attach('file', xlsx.body, 'offers.xlsx');
    expect(back.body.data).toMatchObject({ total: 3, invalid: 0, created: 0, updated: 0, unchanged: 3 });
    // A bad row in an exported file is reported under its line in the file (below the header lines).
    const broken = vi.replace('Thủy sản; Môi trường & xử lý chất thải', 'Chiêm tinh');
    const dry = await api()
      .post('/api/import/offer?dryRun=true')
      .set(institute.auth)
      .attach('file', Buffer.from(broken), 'offers.csv');
    expect(dry.body.data.problems).toEqual([{ row: 8, ref: 'RT-0', fields: { sectors: expect.any(String) } }]);
  });
});

function offerRow(i: number): Record<string, string> {
  return {
    ref: `RT-${i}`,
    title: `Chế phẩm vi sinh xử lý bùn đáy ao nuôi số ${i}`,
    summary: 'Chế phẩm vi sinh xử lý bùn đáy ao, giảm khí độc, tăng tỷ lệ sống của tôm nuôi.',
    description: i === 0 ? '=HYPERLINK("http://example.com","xem")' : 'Quy trình ủ và rải chế phẩm.',
    sectors: 'aquaculture; environment',
    keywords: 'vi sinh; bùn đáy',
    trl: String(5 + i),
    province: 'Sóc Trăng',
    transferModes: 'license_non_exclusive; consulting_training',
    ipType: 'patent',
    ipStatus: 'filed',
    ipNumber: '',
    priceMin: '100000000',
    priceMax: '',
    negotiable: i % 2 ? 'no' : 'yes',
    applications: 'Ao nuôi tôm',
    confidential: `Bí quyết ${i}`,
  };
}

function provinceName(member: { organization: { province?: unknown } }): string {
  return getProvince(String(member.organization.province))?.name ?? '';
}

describe('index jobs of bulk writes', () => {
  /** An offer found by "ba mia", published by `owner`, stored without a dirty flag (as a bulk write stores it). */
  const bagasseOffer = (owner: Member, title: string, externalRef: string, publishedAt: Date) => ({
    title,
    summary: 'Kết quả nghiên cứu chuyển giao cho nhà máy đường.',
    sectors: ['agriculture'],
    keywords: ['bã mía'],
    trl: 6,
    province: 'CTO',
    transferModes: ['license_non_exclusive'],
    ip: { type: 'know_how', status: 'none' },
    organizationId: owner.organization.id,
    authorId: owner.user.id,
    externalRef,
    status: 'published',
    publishedAt,
    searchDirty: false,
  });

  it('a bulk write stores listings as hydrated, and hydrating refuses one its model would not store', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    const store = listingStore(t.ctx.db);
    const fields = {
      title: 'Chế phẩm enzyme thủy phân phụ phẩm cá tra',
      summary: 'Enzyme thủy phân đầu và xương cá tra thành đạm thủy phân làm thức ăn chăn nuôi.',
      sectors: ['aquaculture'],
      keywords: ['enzyme'],
      trl: 5,
      province: 'CTO',
      transferModes: ['license_non_exclusive'],
      ip: { type: 'know_how', status: 'none' },
      organizationId: owner.organization.id,
      authorId: owner.user.id,
      status: 'draft',
    };
    // The insert does not validate again: the model's own checks ran when the listing was hydrated.
    expect(() => store.hydrate('offer', { ...fields, organizationId: undefined })).toThrow(/organizationId/);
    expect(() => store.hydrate('offer', { ...fields, trl: 'cao' })).toThrow(/trl/);
    expect(() => store.hydrate('offer', { ...fields, status: 'archived_forever' })).toThrow(/status/);
    expect(() => store.hydrate('offer', { ...fields, ip: { status: 'none' } })).toThrow(/ip\.type/);
    // The schemas are strict: a field they do not know is refused, not dropped.
    expect(() => store.hydrate('offer', { ...fields, bogus: 1 })).toThrow(/bogus/);
    const doc = store.hydrate('offer', fields);
    // Defaults and the id applied in memory, and stored as they are.
    expect(doc).toMatchObject({ deletedAt: null, organizationId: new Types.ObjectId(owner.organization.id) });
    await store.insertBatch('offer', [doc]);
    const stored = await t.models.Offer.findById(doc._id).lean();
    expect(stored).toMatchObject({ title: fields.title, trl: 5, status: 'draft', deletedAt: null });
    expect(stored!.organizationId).toBeInstanceOf(Types.ObjectId);
  });

  it('a job left behind by a crash is taken over: its listings become searchable, ids never written leave the index', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    const { Offer, IndexJob } = t.models;
    const now = new Date();
    // What a crashed import leaves: rows written without a dirty flag, and the job naming them.
    const written = await Offer.insertMany(
      ['Quy trình ủ phân hữu cơ từ bã mía', 'Thiết bị sấy bã mía bằng nhiệt thải lò hơi'].map((title, i) => ({
        ...bagasseOffer(owner, title, `CRASH-${i}`, now),
        matchDirty: true,
      })),
    );
    const neverWritten = new Types.ObjectId().toString();
    const index = t.ctx.search.client.index(t.workers.searchSync.indexUid);
    // A document the crashed writer had already sent for a row it never wrote.
    await index
      .addDocuments([{ id: searchDocId('offer', neverWritten), listingId: neverWritten, type: 'offer' }])
      .waitTask();
    await expect(index.getDocument(searchDocId('offer', neverWritten))).resolves.toBeTruthy();
    const ids = [...written.map((w) => String(w._id)), neverWritten];
    await IndexJob.collection.insertOne({
      type: 'offer',
      listingIds: ids,
      createdAt: new Date(Date.now() - 10 * 60_000),
      updatedAt: new Date(Date.now() - 10 * 60_000),
    });
    const hits = async () =>
      (await index.search('ba mia', { limit: 20, attributesToRetrieve: ['listingId'] })).hits.map((h) => h.listingId);
    expect(await hits()).not.toContain(String(written[0]._id));

    await t.workers.searchSync.settled(30_000);
    const found = await hits();
    for (const w of written) expect(found).toContain(String(w._id));
    await expect(index.getDocument(searchDocId('offer', neverWritten))).rejects.toThrow();
    expect(await IndexJob.countDocuments({})).toBe(0);
  });

  it('a bulk write whose database write fails leaves the index as the database is: its stored rows searchable, no other', async () => {
    const owner = await buildOrg(t, { type: 'research_institute', verified: true });
    const store = listingStore(t.ctx.db);
    const now = new Date();
    const docs = ['Máy ép viên bã mía làm chất đốt', 'Quy trình sấy bã mía bằng khí thải'].map((title, i) =>
      store.hydrate('offer', { ...bagasseOffer(owner, title, `FAIL-${i}`, now), createdAt: now, updatedAt: now }),
    );
    const index = t.ctx.search.client.index(t.workers.searchSync.indexUid);
    const inIndex = (id: unknown) =>
      index.getDocument(searchDocId('offer', String(id))).then(
        () => true,
        () => false,
      );
    // The search documents go to Meilisearch while the database stores the batch: here the first row is
    // stored, and once both rows are searchable the write fails (an outage, say) before the second.
    const write = async () => {
      await store.insertBatch('offer', [docs[0]]);
      while (!(await inIndex(docs[1]._id))) await new Promise((r) => setTimeout(r, 50));
      throw new Error('database gone');
    };
    await expect(t.ctx.indexer.bulkWrite('offer', docs, write)).rejects.toThrow('database gone');
    await expect(index.getDocument(searchDocId('offer', String(docs[0]._id)))).resolves.toBeTruthy();
    await expect(index.getDocument(searchDocId('offer', String(docs[1]._id)))).rejects.toThrow();
    expect(await t.models.IndexJob.countDocuments({})).toBe(0);
  });

  it('a job still being written by its import is left to it', async () => {
    const { IndexJob } = t.models;
    const job = await IndexJob.create({ type: 'offer', listingIds: [new Types.ObjectId().toString()] });
    await t.workers.searchSync.drain();
    expect(await IndexJob.exists({ _id: job._id })).toBeTruthy();
    await IndexJob.deleteOne({ _id: job._id });
  });
});
