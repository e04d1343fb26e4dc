import { type DealDto, NDA, type NotificationDto } from '@techbridge/shared';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, type Member } from './helpers/factories';
import { pdf } from './helpers/world';

/**
 * Proposals answering a demand (compared, shortlisted, declined with a
 * courteous notice), a broker's mandate and introductions, and the signed
 * NDA record as a PDF.
 */

let t: TestApp;
let enterprise: Member;
let institute: Member;
let university: Member;
let broker: Member;
let demandId: string;
const api = () => request(t.app.server);

const proposal = (overrides: Record<string, unknown> = {}) => ({
  demandId,
  approach: 'Hệ thống lọc sinh học tuần hoàn kết hợp màng MBR, vận hành tự động theo cảm biến.',
  priceMinVnd: 600_000_000,
  priceMaxVnd: 900_000_000,
  timelineMonths: 6,
  trl: 7,
  trlEvidence: 'Đã vận hành thử 12 tháng tại trại tôm Bạc Liêu, có biên bản nghiệm thu.',
  message: 'Kính gửi quý công ty, chúng tôi xin gửi đề xuất giải pháp.',
  ...overrides,
});

const notes = async (m: Member) => (await api().get('/api/notifications').set(m.auth)).body.data as NotificationDto[];

beforeAll(async () => {
  t = await startTestApp();
  enterprise = await buildOrg(t, { type: 'enterprise', verified: true });
  institute = await buildOrg(t, { type: 'research_institute', verified: true });
  university = await buildOrg(t, { type: 'university', verified: true });
  broker = await buildOrg(t, { type: 'intermediary', verified: true });
  demandId = (await buildListing(t, enterprise, 'demand')).id;
});
afterAll(async () => {
  await t.close();
});

describe('proposals answering a demand', () => {
  it('are compared side by side by the demand owner, shortlisted or declined with a reason the proposer is told', async () => {
    const offer = await buildListing(t, institute, 'offer');
    const first = await api()
      .post('/api/proposals')
      .set(institute.auth)
      .send(proposal({ offerId: offer.id }));
    expect(first.status).toBe(201);
    const deal: DealDto = first.body.data;
    // The deal names both listings: the institute's offer answers the enterprise's demand.
    expect(deal).toMatchObject({
      listing: { type: 'demand', id: demandId },
      offer: { id: offer.id },
      demand: { id: demandId },
      role: 'initiator',
      proposal: { status: 'submitted', trl: 7, priceMaxVnd: 900_000_000 },
    });
    const file = await api()
      .post(`/api/deals/${deal.id}/proposal/attachments`)
      .set(institute.auth)
      .attach('file', pdf('bien-ban'), 'bien-ban-nghiem-thu.pdf');
    expect(file.status).toBe(201);
    expect(file.body.data.proposal.attachments).toHaveLength(1);
    const download = await api().get(file.body.data.proposal.attachments[0].url).set(enterprise.auth);
    expect(download.status).toBe(200);

    const second = await api()
      .post('/api/proposals')
      .set(university.auth)
      .send(proposal({ trl: 5, priceMaxVnd: 400_000_000, priceMinVnd: 300_000_000 }));
    expect(second.status).toBe(201);
    // Someone else's demand only: neither the owner nor a proposer compares it unless it owns the demand.
    expect((await api().get(`/api/demands/${demandId}/proposals`).set(institute.auth)).status).toBe(404);
    const compared = await api().get(`/api/demands/${demandId}/proposals`).set(enterprise.auth);
    expect(compared.body.data.map((d: DealDto) => d.initiator.id)).toEqual([
      institute.organization.id,
      university.organization.id,
    ]);

    const shortlisted = await api().post(`/api/deals/${deal.id}/proposal/shortlist`).set(enterprise.auth);
    expect(shortlisted.body.data).toMatchObject({ stage: 'contacted', proposal: { status: 'shortlisted' } });
    // Only the demand's owner decides.
    expect((await api().post(`/api/deals/${second.body.data.id}/proposal/shortlist`).set(university.auth)).status).toBe(
      403,
    );
    const declined = await api()
      .post(`/api/deals/${second.body.data.id}/proposal/decline`)
      .set(enterprise.auth)
      .send({ reason: 'Chúng tôi cần mức TRL từ 6 trở lên' });
    expect(declined.body.data).toMatchObject({ stage: 'lost', proposal: { status: 'declined' } });
    // A declined proposal is not revised.
    expect((await api().post('/api/proposals').set(university.auth).send(proposal())).status).not.toBe(200);

    const order = await api().get(`/api/demands/${demandId}/proposals`).set(enterprise.auth);
    expect(order.body.data.map((d: DealDto) => d.proposal?.status)).toEqual(['shortlisted', 'declined']);
    await t.settle();
    const told = (await notes(university)).find((n) => n.type === 'deal.proposal_declined');
    expect(told?.data).toMatchObject({
      dealId: second.body.data.id,
      declineReason: 'Chúng tôi cần mức TRL từ 6 trở lên',
    });
    expect((await notes(institute)).some((n) => n.type === 'deal.proposal_shortlisted')).toBe(true);
    const ownerNotes = (await notes(enterprise)).filter((n) => n.type === 'deal.proposal');
    expect(ownerNotes).toHaveLength(2);
    const journal = (await api().get(`/api/deals/${deal.id}/audit`).set(institute.auth)).body.data;
    expect(journal.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['deal.opened', 'proposal.submitted', 'proposal.attachment', 'proposal.shortlisted']),
    );
  });
});

describe('broker mandates and introductions', () => {
  it('a broker asks, the client accepts; the broker sees its listings and matches, introduces, both parties accept; the client ends it', async () => {
    const offer = await buildListing(t, institute, 'offer', { title: 'Chế phẩm vi sinh xử lý nước ao tôm' });
    const theirDemand = await buildListing(t, university, 'demand', { title: 'Cần chế phẩm vi sinh xử lý ao nuôi' });
    // Only intermediaries ask for mandates.
    expect(
      (await api().post('/api/mandates').set(university.auth).send({ clientOrgId: institute.organization.id })).status,
    ).toBe(403);
    const asked = await api()
      .post('/api/mandates')
      .set(broker.auth)
      .send({ clientOrgId: institute.organization.id, message: 'Xin được đại diện', commission: { percent: 5 } });
    expect(asked.status).toBe(201);
    const mandateId = asked.body.data.id as string;
    // Before the client accepts, the broker sees nothing of it and introduces nothing.
    expect((await api().get(`/api/mandates/${mandateId}/portfolio`).set(broker.auth)).status).toBe(403);
    expect((await api().post(`/api/mandates/${mandateId}/accept`).set(broker.auth)).status).toBe(403);
    expect((await api().get(`/api/mandates/${mandateId}/portfolio`).set(university.auth)).status).toBe(404);
    const accepted = await api().post(`/api/mandates/${mandateId}/accept`).set(institute.auth);
    expect(accepted.body.data).toMatchObject({ status: 'active', policies: { end: true } });
    // New commission terms, recorded by asking again.
    const terms = await api()
      .post('/api/mandates')
      .set(broker.auth)
      .send({ clientOrgId: institute.organization.id, commission: { percent: 4, note: 'Trên giá trị hợp đồng' } });
    expect(terms.body.data).toMatchObject({ status: 'active', commission: { percent: 4 } });

    await t.workers.matcher.settled();
    const portfolio = await api().get(`/api/mandates/${mandateId}/portfolio`).set(broker.auth);
    expect(portfolio.status).toBe(200);
    const listing = portfolio.body.data.listings.find((l: { id: string }) => l.id === offer.id);
    expect(listing).toBeDefined();
    expect(JSON.stringify(portfolio.body)).not.toContain('Bacillus');

    const intro = await api().post('/api/introductions').set(broker.auth).send({
      mandateId,
      offerId: offer.id,
      demandId: theirDemand.id,
      note: 'Xin giới thiệu hai bên: chế phẩm vi sinh của Viện đáp ứng nhu cầu của Trường.',
    });
    expect(intro.status).toBe(201);
    const dealId = intro.body.data.id as string;
    expect(intro.body.data).toMatchObject({
      stage: 'interest',
      role: 'intermediary',
      introduction: { accepted: [], complete: false },
      intermediary: { id: broker.organization.id },
    });
    // Nothing moves until both accept.
    expect(
      (await api().patch(`/api/deals/${dealId}/stage`).set(institute.auth).send({ stage: 'contacted' })).status,
    ).toBe(409);
    const one = await api().post(`/api/deals/${dealId}/introduction/accept`).set(institute.auth);
    expect(one.body.data).toMatchObject({ stage: 'interest', introduction: { accepted: ['owner'] } });
    const both = await api().post(`/api/deals/${dealId}/introduction/accept`).set(university.auth);
    expect(both.body.data).toMatchObject({ stage: 'contacted', introduction: { complete: true } });
    // The broker brokers: it may not close.
    const close = await api().patch(`/api/deals/${dealId}/stage`).set(broker.auth).send({ stage: 'lost' });
    expect(close.body.data).toMatchObject({ stage: 'contacted', pending: { stage: 'lost' } });
    const workspace = await api().get('/api/deals?role=intermediary').set(broker.auth);
    expect(workspace.body.data.map((d: DealDto) => d.id)).toContain(dealId);

    const ended = await api().post(`/api/mandates/${mandateId}/end`).set(institute.auth);
    expect(ended.body.data.status).toBe('ended');
    expect((await api().get(`/api/mandates/${mandateId}/portfolio`).set(broker.auth)).status).toBe(403);
    await t.settle();
    expect((await notes(institute)).some((n) => n.type === 'mandate.requested')).toBe(true);
    expect((await notes(broker)).some((n) => n.type === 'mandate.accepted')).toBe(true);
    expect((await notes(university)).some((n) => n.type === 'deal.introduction')).toBe(true);
  });
});

describe('the signed NDA record', () => {
  it('is a PDF with the parties, version, times and hashes, for the parties (and administrators) only', async () => {
    const offer = await buildListing(t, institute, 'offer', { title: 'Quy trình nuôi tôm tuần hoàn' });
    const dealId = (
      await api()
        .post('/api/deals')
        .set(enterprise.auth)
        .send({ offerId: offer.id, message: 'Xin chào Viện, chúng tôi quan tâm công nghệ.' })
    ).body.data.id;
    expect((await api().get(`/api/deals/${dealId}/nda/document`).set(enterprise.auth)).status).toBe(409);
    const accepted = await api()
      .post(`/api/deals/${dealId}/nda/accept`)
      .set(enterprise.auth)
      .send({ version: NDA.version });
    expect(accepted.body.data).toMatchObject({
      stage: 'nda',
      nda: { status: 'accepted', document: expect.any(String) },
    });
    await api().post(`/api/deals/${dealId}/nda/approve`).set(institute.auth).expect(200);
    const doc = await api()
      .get(`/api/deals/${dealId}/nda/document`)
      .set(institute.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    const bytes = doc.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The Vietnamese font is embedded (a subset of Be Vietnam Pro).
    expect(bytes.toString('latin1')).toMatch(/BeVietnamPro/);
    const outsider = await buildOrg(t, { type: 'enterprise', verified: true });
    expect((await api().get(`/api/deals/${dealId}/nda/document`).set(outsider.auth)).status).toBe(404);
    const admin = await buildAdmin(t);
    expect((await api().get(`/api/deals/${dealId}/nda/document`).set(admin.auth)).status).toBe(200);
    // Administrators see addresses in the journal; parties do not.
    await t.settle();
    const asAdmin = (await api().get(`/api/deals/${dealId}/audit`).set(admin.auth)).body.data;
    const asParty = (await api().get(`/api/deals/${dealId}/audit`).set(enterprise.auth)).body.data;
    expect(asAdmin.find((e: { action: string }) => e.action === 'nda.accepted').ip).toEqual(expect.any(String));
    expect(asParty.every((e: { ip: string | null }) => e.ip === null)).toBe(true);
  });
});
