import crypto from 'node:crypto';
import type { OrganizationDto, UserDto } from '@techbridge/shared';
import request from 'supertest';
import { hashPassword } from '../../server/src/auth/passwords';
import type { TestApp } from './app';

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

/** Registers a fresh organisation and its owner through the API. */
export async function buildOrg(
  t: TestApp,
  options: { type?: string; province?: string; verified?: boolean; name?: string } = {},
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
  if (options.verified) {
    await t.ctx.db.models.Organization.updateOne({ _id: res.body.organization.id }, { $set: { verified: true } });
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

/** A platform administrator, created directly (there is no public route for it), then logged in. */
export async function buildAdmin(t: TestApp): Promise<{ accessToken: string; auth: { Authorization: string } }> {
  const email = `admin-${unique()}@example.vn`;
  await t.ctx.db.models.User.create({
    email,
    passwordHash: await hashPassword(PASSWORD),
    name: 'Admin',
    role: 'admin',
  });
  const res = await request(t.app.server).post('/api/auth/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status}`);
  return { accessToken: res.body.accessToken, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}
