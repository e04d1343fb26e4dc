import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { eventually, startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, demandInput, type Member, offerInput } from './helpers/factories';

let t: TestApp;
let owner: Member;
let other: Member;
let admin: { auth: { Authorization: string } };

beforeAll(async () => {
  t = await startTestApp();
  owner = await buildOrg(t, { type: 'research_institute', verified: true });
  other = await buildOrg(t, { type: 'enterprise', verified: true });
  admin = await buildAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.app.server);
/** Search results once the index has caught up with every write so far (it is eventually consistent). */
const searchIds = async (q: string) => {
  await t.workers.searchSync.settled();
  return (await api().get('/api/search').query({ q })).body.hits.map((h: { id: string }) => h.id);
};

describe('offers: lifecycle and visibility', () => {
  it('creates a draft that only its organisation and administrators can see', async () => {
    const res = await api().post('/api/offers').set(owner.auth).send(offerInput());
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'draft', type: 'offer', trl: 7, publishedAt: null });
    expect(res.body.data.organization.id).toBe(owner.organization.id);
    expect(res.body.policies).toMatchObject({ update: true, publish: true, seeConfidential: true });
    const id = res.body.data.id;

    expect((await api().get(`/api/offers/${id}`)).status).toBe(404);
    expect((await api().get(`/api/offers/${id}`).set(other.auth)).status).toBe(404);
    const mine = await api().get(`/api/offers/${id}`).set(owner.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.data.confidential.details).toContain('Bacillus');
    const asAdmin = await api().get(`/api/offers/${id}`).set(admin.auth);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.data.confidential).toBeUndefined();
  });

  it('publishes at once for a verified organisation, public without confidential details', async () => {
    const offer = await buildListing(t, owner, 'offer', { title: 'Chế phẩm sinh học xử lý đáy ao nuôi' });
    expect(offer.status).toBe('published');
    expect(offer.publishedAt).toEqual(expect.any(String));
    const pub = await api().get(`/api/offers/${offer.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.confidential).toBeUndefined();
    expect(JSON.stringify(pub.body)).not.toContain('Bacillus');
    const byOther = await api().get(`/api/offers/${offer.id}`).set(other.auth);
    expect(JSON.stringify(byOther.body)).not.toContain('Bacillus');
    expect(byOther.body.policies).toMatchObject({ update: false, seeConfidential: false });
    expect(await searchIds('xu ly day ao')).toContain(offer.id);
  });

  it('puts an unverified organisation’s listing in review; an administrator approves or rejects it with a reason', async () => {
    const newcomer = await buildOrg(t, { type: 'university' });
    const pending = await buildListing(t, newcomer, 'offer', { title: 'Giống lúa chịu mặn ĐH Nông Lâm' });
    expect(pending.status).toBe('pending_review');
    expect((await api().get(`/api/offers/${pending.id}`).set(other.auth)).status).toBe(404);
    expect(await searchIds('giong lua chiu man')).not.toContain(pending.id);

    const queue = await api().get('/api/admin/listings').set(admin.auth);
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((l: { id: string }) => l.id)).toContain(pending.id);
    expect((await api().get('/api/admin/listings').set(owner.auth)).status).toBe(403);

    const approved = await api().post(`/api/admin/listings/offer/${pending.id}/approve`).set(admin.auth);
    expect(approved.status).toBe(200);
    expect(approved.body.data.status).toBe('published');
    expect(await searchIds('giong lua chiu man')).toContain(pending.id);

    const second = await buildListing(t, newcomer, 'demand', { title: 'Cần máy gieo hạt lúa tự động' });
    const noReason = await api().post(`/api/admin/listings/demand/${second.id}/reject`).set(admin.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    const rejected = await api()
      .post(`/api/admin/listings/demand/${second.id}/reject`)
      .set(admin.auth)
      .send({ reason: 'Thiếu thông tin ngân sách' });
    expect(rejected.body.data).toMatchObject({ status: 'rejected', rejectionReason: 'Thiếu thông tin ngân sách' });
    expect((await api().get(`/api/demands/${second.id}`).set(other.auth)).status).toBe(404);
    const seenByOwner = await api().get(`/api/demands/${second.id}`).set(newcomer.auth);
    expect(seenByOwner.body.data.rejectionReason).toBe('Thiếu thông tin ngân sách');
  });

  it('verifying an organisation releases its pending listings', async () => {
    const newcomer = await buildOrg(t, { type: 'research_institute' });
    const pending = await buildListing(t, newcomer, 'offer', { title: 'Vắc xin phòng bệnh gan tụy cấp trên tôm' });
    expect(pending.status).toBe('pending_review');
    const verify = await api()
      .patch(`/api/admin/organizations/${newcomer.organization.id}`)
      .set(admin.auth)
      .send({ verified: true });
    expect(verify.status).toBe(200);
    // FerretDB's SQLite backend can serve a read from a snapshot a few milliseconds old.
    const after = await eventually(async () => {
      const res = await api().get(`/api/offers/${pending.id}`);
      expect(res.status).toBe(200);
      return res;
    });
    expect(after.body.data.status).toBe('published');
    expect(await searchIds('vac xin gan tuy')).toContain(pending.id);
  });

  it('editing a published listing keeps it published and re-indexes it', async () => {
    const offer = await buildListing(t, owner, 'offer', { title: 'Máy bóc vỏ hạt điều bán tự động' });
    const res = await api()
      .patch(`/api/offers/${offer.id}`)
      .set(owner.auth)
      .send({ title: 'Máy bóc vỏ hạt mắc ca tự động' });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('published');
    expect(await searchIds('mac ca')).toContain(offer.id);
    expect(await searchIds('dieu')).not.toContain(offer.id);
  });

  it('only the owner organisation edits, publishes or deletes', async () => {
    const offer = await buildListing(t, owner, 'offer');
    expect(
      (await api().patch(`/api/offers/${offer.id}`).set(other.auth).send({ title: 'Chiếm quyền sửa tin' })).status,
    ).toBe(403);
    expect((await api().delete(`/api/offers/${offer.id}`).set(other.auth)).status).toBe(403);
    expect((await api().post(`/api/offers/${offer.id}/archive`).set(other.auth)).status).toBe(403);
    expect((await api().patch(`/api/offers/${offer.id}`).send({ title: 'Không đăng nhập' })).status).toBe(401);
    const draft = await buildListing(t, owner, 'offer', {}, { publish: false });
    expect((await api().post(`/api/offers/${draft.id}/publish`).set(other.auth)).status).toBe(404);
  });

  it('archiving removes a listing from search and from other organisations’ view; publishing again restores it', async () => {
    const offer = await buildListing(t, owner, 'offer', { title: 'Thiết bị đo độ mặn nước ao nuôi IoT' });
    expect(await searchIds('do do man')).toContain(offer.id);
    const archived = await api().post(`/api/offers/${offer.id}/archive`).set(owner.auth);
    expect(archived.body.data.status).toBe('archived');
    expect(await searchIds('do do man')).not.toContain(offer.id);
    expect((await api().get(`/api/offers/${offer.id}`).set(other.auth)).status).toBe(404);
    expect((await api().post(`/api/offers/${offer.id}/archive`).set(owner.auth)).status).toBe(409);
    await api().post(`/api/offers/${offer.id}/publish`).set(owner.auth);
    expect(await searchIds('do do man')).toContain(offer.id);
  });

  it('deleting hides the listing everywhere, even from its owner', async () => {
    const demand = await buildListing(t, owner, 'demand', { title: 'Cần dây chuyền đóng gói chè Thái Nguyên' });
    expect(await searchIds('dong goi che')).toContain(demand.id);
    expect((await api().delete(`/api/demands/${demand.id}`).set(owner.auth)).status).toBe(204);
    expect((await api().get(`/api/demands/${demand.id}`).set(owner.auth)).status).toBe(404);
    expect(await searchIds('dong goi che')).not.toContain(demand.id);
  });

  it('lists my organisation’s listings in every status, and nobody else’s', async () => {
    const draft = await buildListing(t, owner, 'demand', {}, { publish: false });
    const theirs = await buildListing(t, other, 'demand');
    const mine = await api().get('/api/demands/mine').set(owner.auth);
    const ids = mine.body.data.map((d: { id: string }) => d.id);
    expect(ids).toContain(draft.id);
    expect(ids).not.toContain(theirs.id);
    const drafts = await api().get('/api/demands/mine?status=draft').set(owner.auth);
    expect(drafts.body.data.every((d: { status: string }) => d.status === 'draft')).toBe(true);
  });

  it('counts views by other organisations', async () => {
    const offer = await buildListing(t, owner, 'offer');
    await api().get(`/api/offers/${offer.id}`).set(other.auth);
    await api().get(`/api/offers/${offer.id}`);
    await api().get(`/api/offers/${offer.id}`).set(owner.auth);
    const res = await api().get(`/api/offers/${offer.id}`).set(owner.auth);
    expect(res.body.data.views).toBe(2);
    // Written in one go, not once per view.
    expect((await t.models.Offer.findById(offer.id).lean())?.views).toBe(0);
    await t.workers.views.flush();
    expect((await t.models.Offer.findById(offer.id).lean())?.views).toBe(2);
    expect((await api().get(`/api/offers/${offer.id}`).set(owner.auth)).body.data.views).toBe(2);
  });
});

describe('validation', () => {
  it('answers a bad offer with a 400 naming each bad field', async () => {
    const res = await api()
      .post('/api/offers')
      .set(owner.auth)
      .set('Accept-Language', 'en')
      .send(
        offerInput({
          trl: 12,
          sectors: ['astrology'],
          province: 'XX',
          ip: { type: 'patent', status: 'maybe' },
          price: { min: 10, max: 5 },
        }),
      );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toMatchObject({
      trl: 'TRL must be a whole number from 1 to 9',
      'sectors.0': 'Unknown sector',
      province: 'Unknown province',
      'ip.status': 'Unknown IP status',
      'price.min': 'Minimum price exceeds maximum',
    });
  });

  it('answers a bad demand and a bad id with a 400', async () => {
    const res = await api()
      .post('/api/demands')
      .set(owner.auth)
      .send(demandInput({ deadline: '31/12/2026', transferModes: [] }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['deadline', 'transferModes']);
    expect((await api().get('/api/offers/not-an-id')).status).toBe(400);
  });

  it('rejects an operator hidden in a listing body', async () => {
    const res = await api()
      .post('/api/offers')
      .set(owner.auth)
      .send(offerInput({ province: { $ne: 'x' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.province).toBeDefined();
  });
});

describe('attachments', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

  it('stores a checked file, serves it to whoever may read the listing, and deletes it', async () => {
    const offer = await buildListing(t, owner, 'offer');
    const up = await api()
      .post(`/api/offers/${offer.id}/attachments`)
      .set(owner.auth)
      .attach('file', pdf, { filename: 'Bản mô tả sáng chế.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    expect(up.body.data).toMatchObject({ name: 'Bản mô tả sáng chế.pdf', type: 'application/pdf', size: pdf.length });
    const down = await api().get(`/api/offers/${offer.id}/attachments/${up.body.data.id}`).buffer(true);
    expect(down.status).toBe(200);
    expect(Buffer.from(down.body).equals(pdf)).toBe(true);
    const listed = await api().get(`/api/offers/${offer.id}`);
    expect(listed.body.data.attachments).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain('storedAs');
    expect((await api().delete(`/api/offers/${offer.id}/attachments/${up.body.data.id}`).set(other.auth)).status).toBe(
      403,
    );
    expect((await api().delete(`/api/offers/${offer.id}/attachments/${up.body.data.id}`).set(owner.auth)).status).toBe(
      204,
    );
    expect((await api().get(`/api/offers/${offer.id}/attachments/${up.body.data.id}`)).status).toBe(404);
  });

  it('refuses a disallowed type, a disguised file and an oversized one', async () => {
    const offer = await buildListing(t, owner, 'offer');
    const exe = await api()
      .post(`/api/offers/${offer.id}/attachments`)
      .set(owner.auth)
      .attach('file', Buffer.from('MZ\x90\x00'), 'setup.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.error.fields.file).toBeDefined();
    const fake = await api()
      .post(`/api/offers/${offer.id}/attachments`)
      .set(owner.auth)
      .attach('file', Buffer.from('MZ not a pdf'), 'report.pdf');
    expect(fake.status).toBe(415);
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await api()
      .post(`/api/offers/${offer.id}/attachments`)
      .set(owner.auth)
      .attach('file', big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    const listed = await api().get(`/api/offers/${offer.id}`);
    expect(listed.body.data.attachments).toHaveLength(0);
  });

  it('limits attachments: one file per request, in the "file" field, at most 10 per listing even when sent at once', async () => {
    const offer = await buildListing(t, owner, 'offer');
    const url = `/api/offers/${offer.id}/attachments`;
    const two = await api().post(url).set(owner.auth).attach('file', pdf, 'a.pdf').attach('file', pdf, 'b.pdf');
    expect(two.status).toBe(400);
    expect(two.body.error.fields).toEqual({ file: expect.any(String) });
    const elsewhere = await api().post(url).set(owner.auth).attach('document', pdf, 'a.pdf');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields.document).toBeDefined();
    // Twelve at once: the limit holds under concurrency.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api().post(url).set(owner.auth).attach('file', pdf, `phu-luc-${i}.pdf`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.fields.file])).toEqual([
      [400, expect.any(String)],
      [400, expect.any(String)],
    ]);
    expect((await api().get(`/api/offers/${offer.id}`)).body.data.attachments).toHaveLength(10);
    // Refused files leave nothing behind in the uploads directory.
    const stored = fs.readdirSync(path.join(t.ctx.config.dataDir, 'uploads'));
    const referenced = await t.models.Offer.find({ organizationId: owner.organization.id }, { attachments: 1 }).lean();
    const names = new Set(referenced.flatMap((o) => (o.attachments as { storedAs: string }[]).map((a) => a.storedAs)));
    expect(stored.filter((f) => !names.has(f))).toEqual([]);
  });

  it('keeps a draft’s attachments from other organisations', async () => {
    const draft = await buildListing(t, owner, 'offer', {}, { publish: false });
    const up = await api()
      .post(`/api/offers/${draft.id}/attachments`)
      .set(owner.auth)
      .attach('file', pdf, 'secret.pdf');
    expect(up.status).toBe(201);
    expect((await api().get(`/api/offers/${draft.id}/attachments/${up.body.data.id}`).set(other.auth)).status).toBe(
      404,
    );
  });
});
