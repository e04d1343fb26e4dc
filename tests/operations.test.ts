import type { StatsDto } from '@techbridge/shared';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import request from 'supertest';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, PASSWORD } from './helpers/factories';
import { connectAs, nextEvent } from './helpers/sockets';

let t: TestApp;
let admin: { auth: { Authorization: string } };
const api = () => request(t.app.server);
const searchIds = async (q: string) => {
  // Suspensions reach search through their events' processors, then the index.
  await t.workers.outbox.settled();
  await t.workers.searchSync.settled();
  return (await api().get('/api/search').query({ q })).body.hits.map((h: { id: string }) => h.id);
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await buildAdmin(t);
});
afterAll(async () => {
  await t.close();
});

describe('verification and moderation', () => {
  it('an unverified organisation’s publish waits until an administrator verifies it (through a verification request)', async () => {
    const uni = await buildOrg(t, { type: 'university' });
    const offer = await buildListing(t, uni, 'offer', { title: 'Chủng nấm Trichoderma đối kháng bệnh hại rễ' });
    expect(offer.status).toBe('pending_review');
    expect(await searchIds('trichoderma')).not.toContain(offer.id);
    const bad = await api()
      .post('/api/organizations/me/verification')
      .set(uni.auth)
      .send({ registrationNumber: '1', address: 'x' });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['address', 'registrationNumber']);
    const request1 = await api()
      .post('/api/organizations/me/verification')
      .set(uni.auth)
      .send({ registrationNumber: '0312345678', taxCode: '0312345678', address: '3/2 Xuân Khánh, Ninh Kiều, Cần Thơ' });
    expect(request1.status).toBe(201);
    const doc = await api()
      .post('/api/organizations/me/verification/documents')
      .set(uni.auth)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'giay-phep.pdf');
    expect(doc.body.data.documents).toHaveLength(1);
    const refused = await api()
      .post('/api/organizations/me/verification/documents')
      .set(uni.auth)
      .attach('file', Buffer.from('MZ\x90\x00 not a document'), 'giay-phep.exe');
    expect(refused.status).toBe(415);
    const queue = await api().get('/api/admin/verifications').set(admin.auth);
    const queued = queue.body.data.find((v: { id: string }) => v.id === request1.body.data.id);
    expect(queued.organizationName).toBe(uni.organization.name);
    // The reviewing administrator opens the document; its owner organisation's member cannot use the admin route.
    const documentId = doc.body.data.documents[0].id;
    const documentPath = `/api/admin/verifications/${request1.body.data.id}/documents/${documentId}`;
    const download = await api().get(documentPath).set(admin.auth).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('giay-phep.pdf');
    expect(String(download.body)).toContain('%PDF-1.4');
    expect((await api().get(documentPath).set(uni.auth)).status).toBe(403);
    const socket = await connectAs(t, uni.accessToken);
    const approved = await api().post(`/api/admin/verifications/${request1.body.data.id}/approve`).set(admin.auth);
    expect(approved.body.data.status).toBe('approved');
    const live = await nextEvent<{ notification: { type: string } }>(
      socket,
      'notification:new',
      3000,
      (p) => p.notification.type === 'organization.verified',
    );
    expect(live.notification.type).toBe('organization.verified');
    socket.close();
    await eventually(async () =>
      expect((await api().get(`/api/offers/${offer.id}`)).body.data.status).toBe('published'),
    );
    expect(await searchIds('trichoderma')).toContain(offer.id);
  });

  it('a suspended user’s token stops working and their listings leave search', async () => {
    const org = await buildOrg(t, { type: 'research_institute', verified: true });
    const offer = await buildListing(t, org, 'offer', { title: 'Máy ấp trứng gia cầm tự động năng lượng mặt trời' });
    expect(await searchIds('may ap trung')).toContain(offer.id);
    const socket = await connectAs(t, org.accessToken);
    expect(
      (
        await api()
          .post(`/api/admin/users/${org.user.id}/suspend`)
          .set(admin.auth)
          .send({ reason: 'Vi phạm điều khoản' })
      ).status,
    ).toBe(204);
    expect((await api().get('/api/me').set(org.auth)).status).toBe(401);
    expect((await org.agent.post('/api/auth/refresh')).status).toBe(401);
    expect((await api().post('/api/auth/login').send({ email: org.email, password: PASSWORD })).status).toBe(401);
    await eventually(async () => expect(socket.connected).toBe(false));
    expect(await searchIds('may ap trung')).not.toContain(offer.id);
    expect((await api().post(`/api/admin/users/${org.user.id}/reactivate`).set(admin.auth).send({})).status).toBe(204);
    // Administrators find users as they type names: without diacritics, or by email.
    const found = async (q: string) =>
      (
        await api()
          .get(`/api/admin/users?q=${encodeURIComponent(q)}`)
          .set(admin.auth)
      ).body.data.map((u: { id: string }) => u.id);
    expect(await found('NGUYEN VAN test')).toContain(org.user.id);
    expect(await found(org.email)).toEqual([org.user.id]);
    expect(await found('không có ai tên này')).toEqual([]);
    expect(await searchIds('may ap trung')).toContain(offer.id);
  });

  it('suspending an organisation removes all its listings from search', async () => {
    const org = await buildOrg(t, { type: 'enterprise', verified: true });
    const demand = await buildListing(t, org, 'demand', { title: 'Cần dây chuyền sản xuất gạch không nung' });
    expect(await searchIds('gach khong nung')).toContain(demand.id);
    await api().post(`/api/admin/organizations/${org.organization.id}/suspend`).set(admin.auth).send({});
    expect(await searchIds('gach khong nung')).not.toContain(demand.id);
    expect((await api().get('/api/me').set(org.auth)).status).toBe(401);
    // Administrators see the organisation's status in their list.
    const orgs = await api().get('/api/admin/organizations').set(admin.auth);
    expect(orgs.body.data.find((o: { id: string }) => o.id === org.organization.id).status).toBe('suspended');
  });

  it('every administrative act appears in the audit log, which administrators can filter', async () => {
    const log = await api().get('/api/admin/audit?limit=500').set(admin.auth);
    const actions = log.body.data.map((e: { action: string }) => e.action);
    for (const a of ['verification.approved', 'user.suspended', 'user.reactivated', 'organization.suspended'])
      expect(actions).toContain(a);
    const newcomer = await buildOrg(t, { type: 'university' });
    const pending = await buildListing(t, newcomer, 'offer');
    await api()
      .post(`/api/admin/listings/offer/${pending.id}/reject`)
      .set(admin.auth)
      .send({ reason: 'Thiếu tài liệu' });
    await api().patch(`/api/admin/organizations/${newcomer.organization.id}`).set(admin.auth).send({ verified: true });
    const filtered = await api().get('/api/admin/audit?action=listing.rejected').set(admin.auth);
    expect(filtered.body.data[0]).toMatchObject({
      action: 'listing.rejected',
      targetId: pending.id,
      details: { reason: 'Thiếu tài liệu' },
    });
    const byTarget = await api().get(`/api/admin/audit?target=${newcomer.organization.id}`).set(admin.auth);
    expect(byTarget.body.data.map((e: { action: string }) => e.action)).toEqual(['organization.verified']);
    expect((await api().get('/api/admin/audit').set(newcomer.auth)).status).toBe(403);
  });

  it('“load more” pages through entries that share a timestamp, each exactly once', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const target = new Types.ObjectId();
    await t.models.AuditLog.collection.insertMany(
      Array.from({ length: 5 }, (_, i) => ({
        action: 'organization.verified',
        targetType: 'organization',
        targetId: target,
        details: { n: i },
        createdAt: at,
      })),
    );
    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await api().get(`/api/admin/audit?target=${target}&limit=2${cursor}`).set(admin.auth);
      expect(res.status).toBe(200);
      const entries = res.body.data as { id: string; at: string; details: { n: number } }[];
      seen.push(...entries.map((e) => e.details.n));
      if (entries.length < 2) break;
      const last = entries[entries.length - 1];
      cursor = `&before=${encodeURIComponent(last.at)}&beforeId=${last.id}`;
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('statistics', () => {
  it('equal counts computed independently from the fixture, scoped for an agency', async () => {
    const stats = await startTestApp();
    try {
      const sApi = () => request(stats.app.server);
      const institute = await buildOrg(stats, { type: 'research_institute', verified: true, province: 'CTO' });
      const enterprise = await buildOrg(stats, { type: 'enterprise', verified: true, province: 'CTO' });
      const hanoi = await buildOrg(stats, { type: 'enterprise', verified: true, province: 'HN' });
      const agency = await buildOrg(stats, { type: 'agency', verified: true, province: 'CTO' });
      const fixture = [
        { owner: institute, type: 'offer' as const, over: { sectors: ['aquaculture'], trl: 7, province: 'CTO' } },
        {
          owner: institute,
          type: 'offer' as const,
          over: { sectors: ['aquaculture', 'environment'], trl: 5, province: 'CTO', title: 'Lọc sinh học nước ao' },
        },
        {
          owner: institute,
          type: 'offer' as const,
          over: { sectors: ['crops'], trl: 8, province: 'HN', title: 'Giống ngô lai chịu hạn' },
        },
        { owner: enterprise, type: 'demand' as const, over: { sectors: ['aquaculture'], province: 'CTO' } },
        {
          owner: hanoi,
          type: 'demand' as const,
          over: { sectors: ['crops'], province: 'HN', title: 'Cần giống ngô năng suất cao' },
        },
      ];
      const created: ((typeof fixture)[number] & { listing: Awaited<ReturnType<typeof buildListing>> })[] = [];
      for (const f of fixture) created.push({ ...f, listing: await buildListing(stats, f.owner, f.type, f.over) });
      await buildListing(stats, institute, 'offer', { sectors: ['energy'] }, { publish: false }); // a draft counts nowhere
      const deal = await sApi().post('/api/deals').set(enterprise.auth).send({ offerId: created[0].listing.id });
      await sApi().post(`/api/deals/${deal.body.data.id}/nda/grant`).set(institute.auth);
      // Through the stage table: the win is proposed by one party and confirmed by the other.
      for (const stage of ['contacted', 'negotiation', 'agreement'])
        await sApi().patch(`/api/deals/${deal.body.data.id}/stage`).set(enterprise.auth).send({ stage }).expect(200);
      await sApi()
        .patch(`/api/deals/${deal.body.data.id}/stage`)
        .set(enterprise.auth)
        .send({
          stage: 'won',
          outcome: { contractType: 'license_exclusive', valueVnd: 1_200_000_000, date: '2026-11-24' },
        })
        .expect(200);
      await sApi().post(`/api/deals/${deal.body.data.id}/stage/confirm`).set(institute.auth).send({}).expect(200);
      await sApi().post('/api/deals').set(hanoi.auth).send({ offerId: created[2].listing.id });
      await stats.workers.matcher.settled();

      const adminStats = await buildAdmin(stats);
      const all: StatsDto = (await sApi().get('/api/stats').set(adminStats.auth)).body.data;
      const count = (pred: (f: (typeof created)[number]) => boolean) => created.filter(pred).length;
      expect(all.listings.total).toBe(created.length);
      expect(all.listings.byType).toEqual({
        offer: count((f) => f.type === 'offer'),
        demand: count((f) => f.type === 'demand'),
      });
      const bySector: Record<string, number> = {};
      for (const f of created) for (const s of f.over.sectors) bySector[s] = (bySector[s] ?? 0) + 1;
      expect(all.listings.bySector).toEqual(bySector);
      expect(all.listings.byProvince).toEqual({
        CTO: count((f) => f.over.province === 'CTO'),
        HN: count((f) => f.over.province === 'HN'),
      });
      expect(all.listings.byTrl).toEqual({ '5': 1, '7': 1, '8': 1 });
      expect(all.deals).toEqual({ total: 2, byStage: { won: 1, interest: 1 } });
      expect(all.funnel).toMatchObject({ listings: 5, deals: 2, nda: 1, won: 1 });
      expect(all.funnel.matched).toBe(
        new Set(
          (await stats.models.Match.find({ active: true }).lean()).flatMap((m) => [
            String(m.offerId),
            String(m.demandId),
          ]),
        ).size,
      );
      expect(all.outcomes).toMatchObject({
        count: 1,
        valueVnd: 1_200_000_000,
        byContractType: { license_exclusive: { count: 1, valueVnd: 1_200_000_000 } },
        byProvince: { CTO: { count: 1, valueVnd: 1_200_000_000 } },
      });
      expect(all.timeToFirstContact.n).toBe(2);

      const provincial: StatsDto = (await sApi().get('/api/stats').set(agency.auth)).body.data;
      expect(provincial.scope.provinces).toEqual(['CTO']);
      expect(provincial.listings.total).toBe(count((f) => f.over.province === 'CTO'));
      expect((await sApi().get('/api/stats').set(enterprise.auth)).status).toBe(403);
      const filtered: StatsDto = (await sApi().get('/api/stats?sector=crops').set(adminStats.auth)).body.data;
      expect(filtered.listings.total).toBe(2);

      // Exports use human names in the reader's language, under a header naming the scope, filters and time.
      const csv = await sApi().get('/api/stats/export?format=csv').set(adminStats.auth);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(lines[0]).toBe('Thống kê TechBridge');
      expect(lines[1]).toBe('Phạm vi,Toàn quốc');
      expect(lines[2]).toBe('Bộ lọc,Không lọc');
      expect(lines[3]).toMatch(/^Thời điểm xuất,\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2} \(UTC\+7\)$/);
      expect(lines[5]).toBe('Mục,Hạng mục,Số lượng,Giá trị (VND)');
      expect(csv.text).toContain('Tin đăng theo lĩnh vực,Thủy sản,3');
      expect(csv.text).toContain('Kết quả theo tỉnh/thành,Cần Thơ,1,1200000000');
      expect(csv.text).not.toMatch(/\baquaculture\b|,CTO,|listings\.bySector/);
      const filteredCsv = await sApi()
        .get('/api/stats/export?format=csv&sector=crops&province=CTO&from=2026-01-01')
        .set(adminStats.auth)
        .set('Accept-Language', 'en');
      const enLines = filteredCsv.text.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(enLines[0]).toBe('TechBridge statistics');
      expect(enLines[1]).toBe('Scope,Cần Thơ');
      expect(enLines[2]).toBe('Filters,Sector: Crops & plant varieties; Province: Cần Thơ; From: 2026-01-01');
      expect(enLines[5]).toBe('Section,Item,Count,Value (VND)');
      const xlsx = await sApi()
        .get('/api/stats/export?format=xlsx')
        .set(adminStats.auth)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body);
      const sheet = book.worksheets[0];
      expect(sheet.getRow(1).getCell(1).text).toBe('Thống kê TechBridge');
      expect(sheet.getRow(6).getCell(1).text).toBe('Mục');
      expect(sheet.getRow(6).font?.bold).toBe(true);
      const cells = (n: number) => [1, 2, 3].map((c) => sheet.getRow(n).getCell(c).text);
      const rows = Array.from({ length: sheet.rowCount }, (_, i) => cells(i + 1));
      expect(rows).toContainEqual(['Tin đăng theo lĩnh vực', 'Thủy sản', '3']);
    } finally {
      await stats.close();
    }
  });
});
