import type { OrganizationProfileDto } from '@techbridge/shared';
import sharp from 'sharp';
import request from 'supertest';
import { startTestApp, type TestApp } from './helpers/app';
import { buildMember, buildOrg, type Member } from './helpers/factories';

/**
 * Organisation profiles (issue 18): the public page's fields, edits by the
 * owner and admins only, the logo (checked by content, stored as a 256×256
 * WebP without metadata) and the initials shown without one.
 */
let t: TestApp;
let owner: Member;

beforeAll(async () => {
  t = await startTestApp();
  owner = await buildOrg(t, { type: 'research_institute', verified: true, name: 'Viện Công nghệ Sinh học Miền Trung' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const profile = async (id: string, auth?: Record<string, string>) => {
  const res = await request(t.app.server)
    .get(`/api/organizations/${id}`)
    .set(auth ?? {});
  expect(res.status).toBe(200);
  return res.body.data as OrganizationProfileDto;
};

const full = {
  description: 'Viện nghiên cứu công nghệ sinh học phục vụ nông nghiệp và thủy sản miền Trung.',
  foundedYear: 1998,
  size: '51-200',
  sectors: ['biotech', 'aquaculture'],
  expertise: ['Vắc xin thủy sản', 'Chế phẩm vi sinh'],
  website: 'https://vien-csh.example.vn',
  contact: {
    name: 'TS. Lê Văn An',
    title: 'Trưởng phòng Hợp tác',
    email: 'an@vien-csh.example.vn',
    phone: '0236 3812 345',
  },
};

it('starts empty, with a completeness hint for members only and generated initials as the logo', async () => {
  const own = await profile(owner.organization.id, owner.auth);
  expect(own).toMatchObject({
    id: owner.organization.id,
    description: null,
    sectors: [],
    expertise: [],
    contact: null,
    stats: { offers: 0, demands: 0, completedDeals: 0 },
    completeness: { percent: 0 },
  });
  expect(own.completeness?.missing).toEqual([
    'description',
    'foundedYear',
    'size',
    'sectors',
    'expertise',
    'website',
    'contact',
    'logo',
  ]);
  expect(own.logoUrl).toBe(`/api/organizations/${owner.organization.id}/logo?v=0`);
  const other = await buildOrg(t);
  expect((await profile(owner.organization.id, other.auth)).completeness).toBeUndefined();
  expect((await profile(owner.organization.id)).completeness).toBeUndefined();

  const logo = await request(t.app.server).get(own.logoUrl);
  expect(logo.status).toBe(200);
  expect(logo.headers['content-type']).toMatch(/^image\/svg\+xml/);
  const svg = String(logo.body instanceof Buffer ? logo.body.toString('utf8') : logo.text);
  expect(svg).toContain('>VT<');
  // The colour is the organisation's own: the same every time, another for another organisation.
  const again = await request(t.app.server).get(own.logoUrl);
  expect(String(again.body instanceof Buffer ? again.body.toString('utf8') : again.text)).toBe(svg);
  const otherSvg = await request(t.app.server).get(`/api/organizations/${other.organization.id}/logo`);
  const fill = (s: string) => /fill="(hsl[^"]+)"/.exec(s)?.[1];
  expect(fill(String(otherSvg.body instanceof Buffer ? otherSvg.body.toString('utf8') : otherSvg.text))).toBeDefined();
});

it('lets the owner fill the profile; contact e-mail and phone are shown to signed-in users only', async () => {
  const res = await request(t.app.server).patch('/api/organizations/me/profile').set(owner.auth).send(full);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ ...full, completeness: { percent: 88, missing: ['logo'] } });

  const anonymous = await profile(owner.organization.id);
  expect(anonymous).toMatchObject({ description: full.description, sectors: full.sectors, size: '51-200' });
  expect(anonymous.contact).toEqual({ name: 'TS. Lê Văn An', title: 'Trưởng phòng Hợp tác' });
  const other = await buildOrg(t);
  expect((await profile(owner.organization.id, other.auth)).contact).toEqual(full.contact);

  // null clears a field, an empty list a list; the other fields stay.
  const cleared = await request(t.app.server)
    .patch('/api/organizations/me/profile')
    .set(owner.auth)
    .send({ website: null, expertise: [] });
  expect(cleared.body.data).toMatchObject({ website: null, expertise: [], foundedYear: 1998 });
  await request(t.app.server).patch('/api/organizations/me/profile').set(owner.auth).send({ website: full.website });
});

it('refuses bad input with a 400 naming the field', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ foundedYear: 1700 }, 'foundedYear'],
    [{ size: '5-7' }, 'size'],
    [{ sectors: ['space_pirates'] }, 'sectors.0'],
    [{ website: 'javascript:alert(1)' }, 'website'],
    [{ description: 'ngắn' }, 'description'],
    [{ contact: { name: 'An', email: 'not-an-email' } }, 'contact.email'],
    [{ name: 'Đổi tên' }, 'name'],
  ];
  for (const [body, field] of cases) {
    const res = await request(t.app.server).patch('/api/organizations/me/profile').set(owner.auth).send(body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
  }
});

it('lets only the owner and admins edit the profile and the logo', async () => {
  const member = await buildMember(t, owner, 'member');
  const admin = await buildMember(t, owner, 'admin');
  const edit = (who: Member) =>
    request(t.app.server).patch('/api/organizations/me/profile').set(who.auth).send({ foundedYear: 2001 });
  expect((await edit(member)).status).toBe(403);
  expect((await request(t.app.server).delete('/api/organizations/me/logo').set(member.auth)).status).toBe(403);
  expect((await request(t.app.server).patch('/api/organizations/me/profile').send({ foundedYear: 2001 })).status).toBe(
    401,
  );
  expect((await edit(admin)).status).toBe(200);
  expect((await profile(owner.organization.id)).foundedYear).toBe(2001);
  // A member sees the completeness hint too (it is their organisation), though they cannot edit.
  expect((await profile(owner.organization.id, member.auth)).completeness).toBeDefined();
});

it('stores an uploaded logo as a 256×256 WebP without metadata, checked by content', async () => {
  const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2a7' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-gps-and-camera' } })
    .toBuffer();
  expect((await sharp(photo).metadata()).exif).toBeDefined();
  const res = await request(t.app.server)
    .post('/api/organizations/me/logo')
    .set(owner.auth)
    .attach('file', photo, 'logo.jpg');
  expect(res.status).toBe(200);
  const data = res.body.data as OrganizationProfileDto;
  expect(data.logoUrl).toMatch(new RegExp(`/api/organizations/${owner.organization.id}/logo\\?v=\\d+$`));
  expect(data.logoUrl).not.toMatch(/v=0$/);
  expect(data.completeness?.missing).not.toContain('logo');

  const served = await request(t.app.server).get(data.logoUrl).buffer(true);
  expect(served.status).toBe(200);
  expect(served.headers['content-type']).toBe('image/webp');
  expect(served.headers['cache-control']).toContain('immutable');
  const meta = await sharp(served.body as Buffer).metadata();
  expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
  expect(meta.exif).toBeUndefined();
  expect((served.body as Buffer).includes(Buffer.from('secret-gps-and-camera'))).toBe(false);

  // A PNG named .png but not a PNG inside, and a PDF, are refused (415 naming the file); the logo stays.
  const fake = await request(t.app.server)
    .post('/api/organizations/me/logo')
    .set(owner.auth)
    .attach('file', Buffer.from('<script>alert(1)</script>'), 'logo.png');
  expect(fake.status).toBe(415);
  expect(fake.body.error.fields).toHaveProperty('file');
  const pdf = await request(t.app.server)
    .post('/api/organizations/me/logo')
    .set(owner.auth)
    .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'logo.pdf');
  expect(pdf.status).toBe(415);
  // A truncated PNG: the right first bytes, no image behind them.
  const truncated = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const broken = await request(t.app.server)
    .post('/api/organizations/me/logo')
    .set(owner.auth)
    .attach('file', truncated, 'logo.png');
  expect(broken.status).toBe(415);
  expect((await profile(owner.organization.id)).logoUrl).toBe(data.logoUrl);

  // Removed: the initials again.
  const removed = await request(t.app.server).delete('/api/organizations/me/logo').set(owner.auth);
  expect(removed.status).toBe(200);
  expect(removed.body.data.logoUrl).toMatch(/v=0$/);
  const initials = await request(t.app.server).get(removed.body.data.logoUrl);
  expect(initials.headers['content-type']).toMatch(/^image\/svg\+xml/);
});

it('answers 404 for an unknown organisation and its logo', async () => {
  const id = '0123456789abcdef01234567';
  expect((await request(t.app.server).get(`/api/organizations/${id}`)).status).toBe(404);
  expect((await request(t.app.server).get(`/api/organizations/${id}/logo`)).status).toBe(404);
});
