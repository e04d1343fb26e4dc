import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildListing, buildMember, buildOrg, type Member, PASSWORD } from './helpers/factories';
import { Mailbox, tokenIn } from './helpers/mailbox';

/**
 * Organisation teams: the owner (and admins) invite colleagues by mail, the
 * link creates or joins an account; roles owner / admin / member; removing
 * members and transferring ownership; every member shares the
 * organisation's listings, deals and matches.
 */
let t: TestApp;
const mailbox = new Mailbox();
const api = () => request(t.app.server);
let n = 0;
const address = (what: string) => `${what}-${Date.now().toString(36)}-${n++}@example.vn`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function invite(by: Member, email: string, role: 'admin' | 'member' = 'member') {
  const res = await api().post('/api/organizations/me/invitations').set(by.auth).send({ email, role });
  return res;
}

describe('invitations', () => {
  it('invites by mail; the link creates the account (its address confirmed) and joins the team', async () => {
    const owner = await buildOrg(t, { verified: true });
    const listing = await buildListing(t, owner, 'offer', { title: 'Máy sấy nông sản năng lượng mặt trời' });
    const email = address('dong-nghiep');
    const created = await invite(owner, email, 'admin');
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email, role: 'admin', invitedBy: owner.user.name });
    const listed = await api().get('/api/organizations/me/invitations').set(owner.auth).expect(200);
    expect(listed.body.data.map((i: { email: string }) => i.email)).toEqual([email]);

    const mail = await mailbox.waitFor(email, /invitation\?token=/);
    expect(mail.subject).toBe(`Lời mời tham gia ${owner.organization.name} trên TechBridge`);
    const token = tokenIn(mail, '/invitation');
    const preview = await api().post('/api/invitations/preview').send({ token }).expect(200);
    expect(preview.body.data).toMatchObject({
      email,
      role: 'admin',
      accountExists: false,
      organization: { id: owner.organization.id, name: owner.organization.name },
    });
    // Creating the account needs a name and a password (400 naming each).
    const missing = await api().post('/api/invitations/accept').send({ token }).expect(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['name', 'password']);
    const joined = await api()
      .post('/api/invitations/accept')
      .send({ token, name: 'Vũ Minh Khang', password: PASSWORD })
      .expect(201);
    expect(joined.body.user).toMatchObject({
      email,
      emailVerified: true,
      orgRole: 'admin',
      organizationId: owner.organization.id,
    });
    const auth = { Authorization: `Bearer ${joined.body.accessToken}` };
    // A member sees and works with the organisation's records.
    const mine = await api().get('/api/offers/mine').set(auth).expect(200);
    expect(mine.body.data.map((o: { id: string }) => o.id)).toContain(listing.id);
    await api().patch(`/api/offers/${listing.id}`).set(auth).send({ title: 'Máy sấy nông sản, bản mới' }).expect(200);
    // The link was single use; the invitation is no longer listed.
    await api().post('/api/invitations/accept').send({ token, name: 'X Y', password: PASSWORD }).expect(400);
    expect((await api().get('/api/organizations/me/invitations').set(owner.auth)).body.data).toEqual([]);
    const team = await api().get('/api/organizations/me/members').set(auth).expect(200);
    expect(team.body.data.map((m: { email: string; orgRole: string }) => [m.email, m.orgRole])).toEqual([
      [owner.email, 'owner'],
      [email, 'admin'],
    ]);
  });

  it('asks an address with an account to sign in, then moves that account into the team', async () => {
    const owner = await buildOrg(t);
    const colleague = await buildOrg(t);
    await invite(owner, colleague.email).then((r) => expect(r.status).toBe(201));
    const token = tokenIn(await mailbox.waitFor(colleague.email, /invitation\?token=/), '/invitation');
    expect((await api().post('/api/invitations/preview').send({ token })).body.data.accountExists).toBe(true);
    const anonymous = await api().post('/api/invitations/accept').send({ token, name: 'Ai đó', password: PASSWORD });
    expect(anonymous.status).toBe(409);
    expect(anonymous.body.error.code).toBe('sign_in_required');
    // Someone else signed in cannot take it.
    const stranger = await buildOrg(t);
    await api().post('/api/invitations/accept').set(stranger.auth).send({ token }).expect(403);
    const accepted = await api().post('/api/invitations/accept').set(colleague.auth).send({ token }).expect(200);
    expect(accepted.body.user).toMatchObject({ organizationId: owner.organization.id, orgRole: 'member' });
    expect((await api().get('/api/me').set(colleague.auth)).body.organization.id).toBe(owner.organization.id);
  });

  it('lets an admin invite members but not admins, and a member invite nobody', async () => {
    const owner = await buildOrg(t);
    const admin = await buildMember(t, owner, 'admin');
    const member = await buildMember(t, owner, 'member');
    expect((await invite(admin, address('a'), 'member')).status).toBe(201);
    expect((await invite(admin, address('b'), 'admin')).status).toBe(403);
    expect((await invite(member, address('c'), 'member')).status).toBe(403);
    expect((await api().get('/api/organizations/me/invitations').set(member.auth)).status).toBe(403);
    const bad = await api()
      .post('/api/organizations/me/invitations')
      .set(owner.auth)
      .send({ email: 'x', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'role']);
    const already = await invite(owner, member.email);
    expect(already.status).toBe(409);
    // Revoked: its link stops working.
    const revocable = await invite(owner, address('thu-hoi'));
    const link = tokenIn(await mailbox.waitFor(revocable.body.data.email, /invitation/), '/invitation');
    await api().delete(`/api/organizations/me/invitations/${revocable.body.data.id}`).set(owner.auth).expect(204);
    await api().post('/api/invitations/preview').send({ token: link }).expect(400);
  });
});

describe('roles, removal and ownership', () => {
  it('lets the owner change roles, admins remove members only, anyone leave; the owner hands over before leaving', async () => {
    const owner = await buildOrg(t);
    const admin = await buildMember(t, owner, 'admin');
    const member = await buildMember(t, owner, 'member');
    const other = await buildMember(t, owner, 'member');
    const path = (m: Member) => `/api/organizations/me/members/${m.user.id}`;

    await api().patch(path(member)).set(admin.auth).send({ role: 'admin' }).expect(403);
    const promoted = await api().patch(path(member)).set(owner.auth).send({ role: 'admin' }).expect(200);
    expect(promoted.body.data.orgRole).toBe('admin');
    await api().patch(path(member)).set(owner.auth).send({ role: 'member' }).expect(200);
    await api().patch(path(owner)).set(owner.auth).send({ role: 'member' }).expect(409);

    // An admin removes a member, not the owner or another admin; a member removes nobody but themselves.
    await api().delete(path(owner)).set(admin.auth).expect(409);
    await api().delete(path(admin)).set(member.auth).expect(403);
    await api().delete(path(other)).set(admin.auth).expect(204);
    expect((await api().get('/api/me').set(other.auth)).body.user).toMatchObject({
      organizationId: null,
      orgRole: null,
    });
    // Out of the organisation: its records are out of reach at once.
    expect((await api().get('/api/organizations/me/members').set(other.auth)).status).toBe(403);
    await api().delete(path(member)).set(member.auth).expect(204);

    // Ownership moves to a member of the team only; the previous owner becomes an admin.
    const stranger = await buildOrg(t);
    await api().post('/api/organizations/me/owner').set(owner.auth).send({ userId: stranger.user.id }).expect(404);
    await api().post('/api/organizations/me/owner').set(admin.auth).send({ userId: admin.user.id }).expect(403);
    const handed = await api().post('/api/organizations/me/owner').set(owner.auth).send({ userId: admin.user.id });
    expect(handed.status).toBe(200);
    const team = await api().get('/api/organizations/me/members').set(owner.auth).expect(200);
    expect(team.body.data.map((m: { id: string; orgRole: string }) => [m.id, m.orgRole])).toEqual([
      [admin.user.id, 'owner'],
      [owner.user.id, 'admin'],
    ]);
    // The new owner asks for verification (owner only); the previous one can no longer.
    const verification = { registrationNumber: '0312345678', address: '12 Lý Thường Kiệt, Hà Nội' };
    await api().post('/api/organizations/me/verification').set(owner.auth).send(verification).expect(403);
    await api().post('/api/organizations/me/verification').set(admin.auth).send(verification).expect(201);
  });

  it('refuses to move the owner of a team with other members into another organisation', async () => {
    const mine = await buildOrg(t);
    await buildMember(t, mine);
    const theirs = await buildOrg(t);
    await invite(theirs, mine.email).then((r) => expect(r.status).toBe(201));
    const token = tokenIn(await mailbox.waitFor(mine.email, /invitation\?token=/), '/invitation');
    const refused = await api().post('/api/invitations/accept').set(mine.auth).send({ token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('transfer_ownership_first');
  });
});
