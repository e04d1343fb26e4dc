import crypto from 'node:crypto';
import type { OrganizationDto, UserDto } from '@techbridge/shared';
import request from 'supertest';
import { createUser } from '../../server/src/modules/accounts/commands/createUser';
import type { TestApp } from './app';
import { Mailbox, tokenIn } from './mailbox';

export const PASSWORD = 'MatKhau2026';

export interface Member {
  email: string;
  accessToken: string;
  user: UserDto;
  organization: OrganizationDto;
  /** A supertest agent that keeps the refresh cookie. */
  agent: ReturnType<typeof request.agent>;
  auth: { Authorization: string };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;

/**
 * Confirms a registered address as a person does: the verification mail is
 * read from the mail catcher and its link's token posted.
 */
export async function verifyEmailByMail(t: TestApp, email: string, mailbox = new Mailbox()): Promise<void> {
  const mail = await mailbox.waitFor(email, (m) => m.text.includes('/verify-email?token='));
  const res = await request(t.app.server)
    .post('/api/auth/verify-email')
    .send({ token: tokenIn(mail, '/verify-email') });
  if (res.status !== 200) throw new Error(`verify-email failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Registers a fresh organisation and its owner through the API, and confirms
 * the owner's address through the mailed link (unless `emailVerified: false`:
 * an unverified account browses and drafts but neither publishes nor contacts).
 */
export async function buildOrg(
  t: TestApp,
  options: { type?: string; province?: string; verified?: boolean; name?: string; emailVerified?: boolean } = {},
): Promise<Member> {
  const email = `owner-${unique()}@example.vn`;
  const agent = request.agent(t.app.server);
  const res = await agent.post('/api/auth/register').send({
    email,
    password: PASSWORD,
    name: 'Nguyễn Văn Test',
    organization: {
      name: options.name ?? `Tổ chức ${unique()}`,
      type: options.type ?? 'enterprise',
      province: options.province ?? 'HN',
    },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (options.emailVerified !== false) {
    await verifyEmailByMail(t, email);
    res.body.user.emailVerified = true;
  }
  if (options.verified) {
    await t.models.Organization.updateOne({ _id: res.body.organization.id }, { $set: { verified: true } });
    res.body.organization.verified = true;
  }
  return {
    email,
    accessToken: res.body.accessToken,
    user: res.body.user,
    organization: res.body.organization,
    agent,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

/** A colleague in an organisation (created directly, address confirmed), logged in. */
export async function buildMember(
  t: TestApp,
  org: Pick<Member, 'organization'>,
  orgRole: 'admin' | 'member' = 'member',
): Promise<Member> {
  const email = `${orgRole}-${unique()}@example.vn`;
  await createUser(t.ctx.db, {
    email,
    password: PASSWORD,
    name: orgRole === 'admin' ? 'Trần Quản Trị' : 'Lê Thành Viên',
    organizationId: org.organization.id,
    orgRole,
    verified: true,
  });
  const agent = request.agent(t.app.server);
  const res = await agent.post('/api/auth/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`member login failed: ${res.status}`);
  return {
    email,
    accessToken: res.body.accessToken,
    user: res.body.user,
    organization: org.organization,
    agent,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

/** A platform administrator, created directly (there is no public route for it), then logged in. */
export async function buildAdmin(t: TestApp): Promise<{ accessToken: string; auth: { Authorization: string } }> {
  const email = `admin-${unique()}@example.vn`;
  await createUser(t.ctx.db, { email, password: PASSWORD, name: 'Admin', role: 'admin', verified: true });
  const res = await request(t.app.server).post('/api/auth/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status}`);
  return { accessToken: res.body.accessToken, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

export const offerInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Quy trình nuôi tôm thẻ chân trắng siêu thâm canh tuần hoàn',
  summary: 'Công nghệ nuôi tôm tuần hoàn nước (RAS) giảm 70% lượng nước thay, năng suất 30 tấn/ha/vụ.',
  description: 'Mô tả chi tiết quy trình, thiết bị lọc sinh học và chế độ cho ăn.',
  sectors: ['aquaculture'],
  keywords: ['tôm thẻ', 'RAS', 'tuần hoàn'],
  trl: 7,
  province: 'CTO',
  transferModes: ['license_non_exclusive', 'consulting_training'],
  ip: { type: 'patent', status: 'granted', number: '1-0012345' },
  price: { min: 500_000_000, max: 1_200_000_000, currency: 'VND', negotiable: true },
  applications: ['Trang trại tôm quy mô vừa'],
  confidential: { details: 'Công thức men vi sinh: Bacillus subtilis 10^9 CFU/g, tỷ lệ 2:1' },
  ...overrides,
});

export const demandInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Cần công nghệ xử lý nước thải ao nuôi tôm',
  problem: 'Doanh nghiệp cần giải pháp xử lý nước thải ao nuôi tôm đạt QCVN trước khi xả ra môi trường.',
  requirements: 'Chi phí vận hành thấp, dễ vận hành',
  sectors: ['aquaculture', 'environment'],
  keywords: ['nước thải', 'ao nuôi'],
  province: 'CTO',
  trlMin: 6,
  budget: { max: 2_000_000_000, currency: 'VND' },
  transferModes: ['license_non_exclusive', 'turnkey'],
  ...overrides,
});

/** Creates a listing through the API and, unless told otherwise, publishes it. */
export async function buildListing(
  t: TestApp,
  owner: Member,
  type: 'offer' | 'demand',
  overrides: Record<string, unknown> = {},
  options: { publish?: boolean } = {},
): Promise<Record<string, unknown> & { id: string; status: string }> {
  const path = type === 'offer' ? '/api/offers' : '/api/demands';
  const created = await request(t.app.server)
    .post(path)
    .set(owner.auth)
    .send(type === 'offer' ? offerInput(overrides) : demandInput(overrides));
  if (created.status !== 201)
    throw new Error(`create ${type} failed: ${created.status} ${JSON.stringify(created.body)}`);
  if (options.publish === false) return created.body.data;
  const published = await request(t.app.server).post(`${path}/${created.body.data.id}/publish`).set(owner.auth);
  if (published.status !== 200)
    throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.data;
}
