import fs from 'node:fs';
import path from 'node:path';
import type { ListingImageDto, SearchResponse } from '@techbridge/shared';
import sharp from 'sharp';
import request from 'supertest';
import { seedDemoCovers } from '../server/src/demo/covers';
import { startTestApp, type TestApp } from './helpers/app';
import { buildAdmin, buildListing, buildOrg, type Member } from './helpers/factories';

/**
 * Listing images (issue 18 item 3): uploads checked by content, renditions
 * made by sharp without metadata, the cover order, the listing's read rule
 * for the files, the cover in search, and files gone with the listing.
 */

let t: TestApp;
let owner: Member;
let other: Member;
const api = () => request(t.app.server);
const uploads = () => path.join(t.ctx.config.dataDir, 'uploads');

/** A photo as a phone takes it: 2000 × 1000, EXIF orientation 6 (rotated 90°), a camera and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'CanonCamera', Model: 'EOS-Test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();
}
const png = (w = 800, h = 600) =>
  sharp({ create: { width: w, height: h, channels: 4, background: '#22aa66ff' } })
    .png()
    .toBuffer();
const webp = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#aa2266' } })
    .webp()
    .toBuffer();

function upload(member: Member | null, type: 'offer' | 'demand', id: string, content: Buffer, name: string) {
  const req = api().post(`/api/${type}s/${id}/images`);
  if (member) req.set(member.auth);
  return req.attach('file', content, name);
}

/** A rendition as a client fetches it (binary body). */
function fetchImage(url: string, member?: Member | { auth: Record<string, string> }) {
  const req = api()
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (member) req.set(member.auth);
  return req;
}

const storedImages = () => fs.readdirSync(uploads()).filter((f) => f.startsWith('img-'));

beforeAll(async () => {
  t = await startTestApp();
  owner = await buildOrg(t, { type: 'research_institute', verified: true });
  other = await buildOrg(t, { type: 'enterprise', verified: true });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('uploading', () => {
  it('accepts JPEG, PNG and WebP, whatever their names, and keeps no metadata', async () => {
    const offer = await buildListing(t, owner, 'offer', {}, { publish: false });
    const photo = await phonePhoto();
    const sent = await sharp(photo).metadata();
    expect(sent.orientation).toBe(6);
    expect(sent.exif?.includes(Buffer.from('CanonCamera'))).toBe(true);
    const jpeg = await upload(owner, 'offer', offer.id, photo, 'IMG_0001.jpg');
    expect(jpeg.status).toBe(201);
    const image = jpeg.body.data as ListingImageDto;
    // Turned upright by its EXIF orientation: 2000 × 1000 landscape stored as portrait, 1200 wide at most.
    expect(image).toMatchObject({ width: 1000, height: 2000, thumbWidth: 400, thumbHeight: 800 });
    expect(image.alt).toBe(offer.title);
    for (const url of [image.url, image.thumbUrl]) {
      const res = await fetchImage(url, owner);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      const meta = await sharp(res.body as Buffer).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect((res.body as Buffer).includes(Buffer.from('CanonCamera'))).toBe(false);
    }
    expect((await sharp((await fetchImage(image.thumbUrl, owner)).body as Buffer).metadata()).width).toBe(400);

    // PNG sent under a misleading name and declared type; WebP without an extension.
    const fromPng = await api()
      .post(`/api/offers/${offer.id}/images`)
      .set(owner.auth)
      .attach('file', await png(1600, 1200), { filename: 'scan.pdf', contentType: 'application/pdf' });
    expect(fromPng.status).toBe(201);
    expect(fromPng.body.data).toMatchObject({ width: 1200, height: 900, thumbWidth: 400, thumbHeight: 300 });
    const fromWebp = await upload(owner, 'offer', offer.id, await webp(), 'anh');
    expect(fromWebp.status).toBe(201);
    // Small images are never enlarged.
    expect(fromWebp.body.data).toMatchObject({ width: 300, height: 200, thumbWidth: 300, thumbHeight: 200 });

    const read = await api().get(`/api/offers/${offer.id}`).set(owner.auth);
    expect(read.body.data.images.map((i: ListingImageDto) => i.id)).toEqual([
      image.id,
      fromPng.body.data.id,
      fromWebp.body.data.id,
    ]);
    // No upload as sent is left behind: only the renditions (two per image).
    expect(fs.readdirSync(uploads()).filter((f) => !f.startsWith('img-'))).toEqual([]);
  });

  it('refuses a text file named .jpg with a 4xx naming the file, and stores nothing', async () => {
    const offer = await buildListing(t, owner, 'offer', {}, { publish: false });
    const before = fs.readdirSync(uploads()).length;
    const res = await upload(owner, 'offer', offer.id, Buffer.from('this is not a picture\n'.repeat(20)), 'photo.jpg');
    expect(res.status).toBe(415);
    expect(res.body.error.fields).toHaveProperty('file');
    // JPEG magic bytes followed by garbage: refused when decoding.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const broken = await upload(owner, 'offer', offer.id, fake, 'broken.jpg');
    expect(broken.status).toBe(415);
    expect(broken.body.error.fields).toHaveProperty('file');
    const missing = await api().post(`/api/offers/${offer.id}/images`).set(owner.auth).field('x', '1');
    expect(missing.status).toBe(400);
    expect(fs.readdirSync(uploads()).length).toBe(before);
    expect((await api().get(`/api/offers/${offer.id}`).set(owner.auth)).body.data.images).toEqual([]);
  });

  it('keeps at most 8 images per listing', async () => {
    const demand = await buildListing(t, owner, 'demand', {}, { publish: false });
    const small = await png(40, 30);
    for (let i = 0; i < 8; i++) expect((await upload(owner, 'demand', demand.id, small, `${i}.png`)).status).toBe(201);
    const ninth = await upload(owner, 'demand', demand.id, small, '9.png');
    expect(ninth.status).toBe(400);
    expect(Object.keys(ninth.body.error.fields)).toEqual(['file']);
  });

  it('refuses others: a member of another organisation, an anonymous caller, an administrator', async () => {
    const offer = await buildListing(t, owner, 'offer');
    const content = await png(50, 50);
    expect((await upload(other, 'offer', offer.id, content, 'a.png')).status).toBe(403);
    expect((await upload(null, 'offer', offer.id, content, 'a.png')).status).toBe(401);
    const admin = await buildAdmin(t);
    expect(
      (await api().post(`/api/offers/${offer.id}/images`).set(admin.auth).attach('file', content, 'a.png')).status,
    ).toBe(403);
    const mine = await upload(owner, 'offer', offer.id, content, 'a.png');
    const id = mine.body.data.id as string;
    expect((await api().post(`/api/offers/${offer.id}/images/${id}/cover`).set(other.auth)).status).toBe(403);
    expect((await api().delete(`/api/offers/${offer.id}/images/${id}`).set(other.auth)).status).toBe(403);
    expect((await api().get(`/api/offers/${offer.id}`)).body.data.images).toHaveLength(1);
  });
});

describe('cover and removal', () => {
  it('puts the chosen image first and the next one first when the cover goes', async () => {
    const offer = await buildListing(t, owner, 'offer', {}, { publish: false });
    const ids: string[] = [];
    for (const [w, h] of [
      [100, 80],
      [120, 80],
      [140, 80],
    ] as const)
      ids.push((await upload(owner, 'offer', offer.id, await png(w, h), 'x.png')).body.data.id);
    const cover = await api().post(`/api/offers/${offer.id}/images/${ids[2]}/cover`).set(owner.auth);
    expect(cover.status).toBe(200);
    expect(cover.body.data.map((i: ListingImageDto) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    const filesBefore = storedImages().length;
    expect((await api().delete(`/api/offers/${offer.id}/images/${ids[2]}`).set(owner.auth)).status).toBe(204);
    expect(storedImages().length).toBe(filesBefore - 2);
    const read = await api().get(`/api/offers/${offer.id}`).set(owner.auth);
    expect(read.body.data.images.map((i: ListingImageDto) => i.id)).toEqual([ids[0], ids[1]]);
    expect((await api().delete(`/api/offers/${offer.id}/images/${ids[2]}`).set(owner.auth)).status).toBe(404);
    expect((await api().post(`/api/offers/${offer.id}/images/${ids[2]}/cover`).set(owner.auth)).status).toBe(404);
  });
});

describe('serving', () => {
  it("serves a draft's images to its organisation and administrators only, a published one's to anyone, cached", async () => {
    const offer = await buildListing(t, owner, 'offer', {}, { publish: false });
    const image = (await upload(owner, 'offer', offer.id, await png(), 'a.png')).body.data as ListingImageDto;
    expect((await fetchImage(image.thumbUrl)).status).toBe(404);
    expect((await fetchImage(image.thumbUrl, other)).status).toBe(404);
    expect((await fetchImage(image.url, await buildAdmin(t))).status).toBe(200);
    const own = await fetchImage(image.thumbUrl, owner);
    expect(own.status).toBe(200);
    expect(own.headers['cache-control']).toMatch(/^private/);
    expect((await fetchImage(`${image.url.slice(0, -5)}huge`, owner)).status).toBe(400);

    expect((await api().post(`/api/offers/${offer.id}/publish`).set(owner.auth)).status).toBe(200);
    const open = await fetchImage(image.thumbUrl);
    expect(open.status).toBe(200);
    expect(open.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await api().post(`/api/offers/${offer.id}/archive`).set(owner.auth)).status).toBe(200);
    expect((await fetchImage(image.thumbUrl)).status).toBe(404);
  });
});

describe('search', () => {
  const hitOf = async (id: string) => {
    await t.workers.searchSync.settled();
    const res = await api().get('/api/search').query({ q: 'bioreactor', limit: 50 });
    return (res.body as SearchResponse).hits.find((h) => h.id === id);
  };

  it("shows the cover's thumbnail once published, never a draft's, and follows the cover", async () => {
    const offer = await buildListing(
      t,
      owner,
      'offer',
      { title: 'Bioreactor nuôi cấy tế bào thực vật', keywords: ['bioreactor'] },
      { publish: false },
    );
    const first = (await upload(owner, 'offer', offer.id, await png(), 'a.png')).body.data as ListingImageDto;
    const second = (await upload(owner, 'offer', offer.id, await webp(), 'b.webp')).body.data as ListingImageDto;
    expect(await hitOf(offer.id)).toBeUndefined();

    const bare = await buildListing(t, owner, 'offer', { title: 'Bioreactor không có ảnh', keywords: ['bioreactor'] });
    expect((await hitOf(bare.id))?.image).toBeNull();

    expect((await api().post(`/api/offers/${offer.id}/publish`).set(owner.auth)).status).toBe(200);
    expect((await hitOf(offer.id))?.image).toBe(first.thumbUrl);
    await api().post(`/api/offers/${offer.id}/images/${second.id}/cover`).set(owner.auth);
    const hit = await hitOf(offer.id);
    expect(hit?.image).toBe(second.thumbUrl);
    expect((await fetchImage(hit!.image!)).status).toBe(200);
    // Editing keeps the images and the cover.
    const edited = await api()
      .patch(`/api/offers/${offer.id}`)
      .set(owner.auth)
      .send({ title: 'Bioreactor tế bào thế hệ mới' });
    expect(edited.status).toBe(200);
    expect(edited.body.data.images.map((i: ListingImageDto) => i.id)).toEqual([second.id, first.id]);
    expect((await hitOf(offer.id))?.image).toBe(second.thumbUrl);

    expect((await api().post(`/api/offers/${offer.id}/archive`).set(owner.auth)).status).toBe(200);
    expect(await hitOf(offer.id)).toBeUndefined();
  });
});

describe('deleting a listing', () => {
  it("removes its images' files", async () => {
    const demand = await buildListing(t, owner, 'demand');
    const images: ListingImageDto[] = [];
    for (let i = 0; i < 2; i++) images.push((await upload(owner, 'demand', demand.id, await png(), 'a.png')).body.data);
    const stored = await t.models.Demand.findById(demand.id).lean<{ images: { storedAs: string }[] }>();
    const files = stored!.images.flatMap((i) => [`${i.storedAs}-large.webp`, `${i.storedAs}-thumb.webp`]);
    for (const f of files) expect(fs.existsSync(path.join(uploads(), f))).toBe(true);
    expect((await api().delete(`/api/demands/${demand.id}`).set(owner.auth)).status).toBe(204);
    for (const f of files) expect(fs.existsSync(path.join(uploads(), f))).toBe(false);
    expect((await fetchImage(images[0].thumbUrl, owner)).status).toBe(404);
  });
});

describe('demo covers', () => {
  it('gives published listings without images a generated cover, once', async () => {
    const org = await buildOrg(t, { type: 'enterprise', verified: true, name: 'Công ty Cổ phần Demo Ảnh' });
    const published = await buildListing(t, org, 'offer', { sectors: ['aquaculture'] });
    const draft = await buildListing(t, org, 'demand', {}, { publish: false });
    const withImage = await buildListing(t, org, 'demand');
    await upload(org, 'demand', withImage.id, await png(), 'own.png');

    expect(await seedDemoCovers(t.ctx, [org.email])).toBe(1);
    const read = await api().get(`/api/offers/${published.id}`);
    expect(read.body.data.images).toHaveLength(1);
    const cover = read.body.data.images[0] as ListingImageDto;
    expect(cover).toMatchObject({ width: 1200, height: 800, thumbWidth: 400, thumbHeight: 267 });
    const thumb = await sharp((await fetchImage(cover.thumbUrl)).body as Buffer).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 400 });
    expect((await api().get(`/api/demands/${draft.id}`).set(org.auth)).body.data.images).toEqual([]);
    expect((await api().get(`/api/demands/${withImage.id}`).set(org.auth)).body.data.images).toHaveLength(1);

    // Idempotent: a second run adds nothing.
    expect(await seedDemoCovers(t.ctx, [org.email])).toBe(0);
    expect((await api().get(`/api/offers/${published.id}`)).body.data.images).toHaveLength(1);
  }, 30_000);
});
