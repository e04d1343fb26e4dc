import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import request from 'supertest';
import { hashPassword } from '../server/src/modules/accounts/passwords';
import { startTestApp, type TestApp, testServices } from './helpers/app';
import { offerInput, PASSWORD } from './helpers/factories';

/**
 * A database written by the previous version (layout 1: no key collections,
 * messages and read positions under random ids, saved searches and follows
 * one document each, NDA access in its own collection) is upgraded once at
 * start, and everything in it reads as before.
 */
const db = `t_upgrade_${crypto.randomBytes(4).toString('hex')}`;
let t: TestApp;
const ids = {
  owner: new Types.ObjectId(),
  buyer: new Types.ObjectId(),
  ownerOrg: new Types.ObjectId(),
  buyerOrg: new Types.ObjectId(),
  offer: new Types.ObjectId(),
  deal: new Types.ObjectId(),
};

async function writeLayout1(): Promise<void> {
  const conn = await mongoose.createConnection(testServices().mongodbUri, { dbName: db }).asPromise();
  const c = (name: string) => conn.db!.collection(name);
  const at = new Date('2026-05-01T08:00:00Z');
  const passwordHash = await hashPassword(PASSWORD);
  await c('organizations').insertMany([
    {
      _id: ids.ownerOrg,
      name: 'Viện cũ',
      type: 'research_institute',
      province: 'CTO',
      verified: true,
      status: 'active',
      createdAt: at,
    },
    {
      _id: ids.buyerOrg,
      name: 'Công ty cũ',
      type: 'enterprise',
      province: 'HN',
      verified: true,
      status: 'active',
      createdAt: at,
    },
  ]);
  const user = (id: Types.ObjectId, email: string, org: Types.ObjectId) => ({
    _id: id,
    email,
    passwordHash,
    name: 'Người dùng cũ',
    role: 'user',
    organizationId: org,
    orgRole: 'owner',
    status: 'active',
    locale: 'vi',
    unreadNotifications: 1,
    createdAt: at,
  });
  await c('users').insertMany([
    user(ids.owner, `owner-${db}@old.vn`, ids.ownerOrg),
    user(ids.buyer, `buyer-${db}@old.vn`, ids.buyerOrg),
  ]);
  await c('offers').insertOne({
    ...offerInput({ title: 'Công nghệ của phiên bản trước' }),
    _id: ids.offer,
    organizationId: ids.ownerOrg,
    authorId: ids.owner,
    status: 'published',
    publishedAt: at,
    attachments: [],
    views: 0,
    deletedAt: null,
    searchDirty: true,
    matchDirty: true,
    rev: 1,
    createdAt: at,
    updatedAt: at,
  });
  await c('deals').insertOne({
    _id: ids.deal,
    listingType: 'offer',
    listingId: ids.offer,
    offerId: ids.offer,
    demandId: null,
    matchId: null,
    ownerOrgId: ids.ownerOrg,
    initiatorOrgId: ids.buyerOrg,
    intermediaryOrgId: null,
    openKey: `offer:${ids.offer}:${ids.buyerOrg}`,
    stage: 'nda',
    history: [{ stage: 'interest', at, byUserId: ids.buyer, byName: 'Người dùng cũ' }],
    outcome: null,
    lastSeq: 2,
    lastMessageAt: at,
    closedAt: null,
    createdAt: at,
    updatedAt: at,
  });
  await c('messages').insertMany(
    [1, 2].map((seq) => ({
      _id: new Types.ObjectId(),
      dealId: ids.deal,
      seq,
      senderId: seq === 1 ? ids.buyer : ids.owner,
      senderName: 'Người dùng cũ',
      orgId: seq === 1 ? ids.buyerOrg : ids.ownerOrg,
      orgName: 'Tổ chức',
      body: `Tin nhắn cũ ${seq}`,
      clientId: `old-client-${seq}`,
      attachment: null,
      createdAt: at,
    })),
  );
  await c('dealreads').insertOne({ _id: new Types.ObjectId(), dealId: ids.deal, userId: ids.buyer, seq: 1 });
  await c('ndaaccesses').insertOne({
    dealId: ids.deal,
    offerId: ids.offer,
    orgId: ids.buyerOrg,
    status: 'granted',
    version: '2026-01',
  });
  await c('notifications').insertOne({
    userId: ids.owner,
    type: 'deal.opened',
    data: { dealId: String(ids.deal) },
    readAt: null,
    createdAt: at,
  });
  await c('savedsearches').insertOne({
    userId: ids.buyer,
    organizationId: ids.buyerOrg,
    name: 'Tìm tôm',
    query: { q: 'tôm' },
    createdAt: at,
  });
  await c('follows').insertOne({
    userId: ids.buyer,
    organizationId: ids.buyerOrg,
    sector: 'aquaculture',
    createdAt: at,
  });
  await conn.close();
}

beforeAll(async () => {
  await writeLayout1();
  t = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` });
});
afterAll(() => t.close());

const login = async (email: string) =>
  (await request(t.app.server).post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body
    .accessToken as string;

describe('upgrading the previous version’s data', () => {
  it('keeps accounts, deals with their messages and NDA access, inboxes and subscriptions readable', async () => {
    const buyer = { Authorization: `Bearer ${await login(`buyer-${db}@old.vn`)}` };
    const owner = { Authorization: `Bearer ${await login(`owner-${db}@old.vn`)}` };
    const deals = (await request(t.app.server).get('/api/deals').set(buyer).expect(200)).body.data;
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ id: String(ids.deal), unread: 1, nda: { status: 'granted' } });
    expect(deals[0].confidential).toEqual({ details: offerInput().confidential.details });
    const messages = (await request(t.app.server).get(`/api/deals/${ids.deal}/messages`).set(buyer).expect(200)).body
      .data;
    expect(messages.map((m: { body: string }) => m.body)).toEqual(['Tin nhắn cũ 1', 'Tin nhắn cũ 2']);
    // The open deal is found again by its key: asking for it returns it instead of a second one.
    const again = await request(t.app.server)
      .post('/api/deals')
      .set(buyer)
      .send({ offerId: String(ids.offer) });
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(String(ids.deal));
    expect((await request(t.app.server).get('/api/offers/mine').set(owner).expect(200)).body.data).toHaveLength(1);
    const inbox = (await request(t.app.server).get('/api/notifications').set(owner).expect(200)).body;
    expect(inbox).toMatchObject({ unread: 1, data: [{ type: 'deal.opened' }] });
    expect((await request(t.app.server).get('/api/saved-searches').set(buyer).expect(200)).body.data).toMatchObject([
      { name: 'Tìm tôm', query: { q: 'tôm' } },
    ]);
    expect((await request(t.app.server).get('/api/follows').set(buyer).expect(200)).body.data).toMatchObject([
      { sector: 'aquaculture' },
    ]);
    // The listing written before is indexed and matched like any other.
    await t.settle();
    const hits = (await request(t.app.server).get('/api/search').query({ q: 'phien ban truoc' })).body.hits;
    expect(hits.map((h: { id: string }) => h.id)).toContain(String(ids.offer));
  });

  it('upgrades once: the next start finds the layout current and changes nothing', async () => {
    const before = await t.models.Message.find({ dealId: ids.deal }).lean();
    const restarted = await startTestApp({ mongodbDb: db, meiliIndexPrefix: `${db}_` }, undefined, { keepData: true });
    await restarted.close();
    const after = await t.models.Message.find({ dealId: ids.deal }).lean();
    expect(after.map((m) => String(m._id)).sort()).toEqual(before.map((m) => String(m._id)).sort());
  });
});
