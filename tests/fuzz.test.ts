import crypto from 'node:crypto';
import { JWT_ISSUER } from '../server/src/modules/accounts/tokens';
import { startTestApp, type TestApp } from './helpers/app';
import {
  type ApiReply,
  type ApiRequest,
  contractProblems,
  createLimiter,
  createRng,
  describeRequest,
  fillPath,
  isMultipart,
  jsonBodySchema,
  type Operation,
  operations,
  opKey,
  pathParamNames,
  queryParameters,
  type Rng,
  send,
  type Upload,
} from './helpers/routes';
import {
  type Actor,
  buildWorld,
  type Kit,
  pdf,
  resolveParams,
  sampleBody,
  sampleUpload,
  type World,
} from './helpers/world';

/**
 * Fuzzing every operation of the route table (issue 8): schema-violating and
 * random path parameters, query strings and bodies, sent anonymously, as the
 * owner of the records the path names, and as a platform administrator. Every
 * answer must be below 500, and a 4xx must name its error
 * (`{ error: { code, message } }`).
 *
 * Cases come from a seeded PRNG: the seed is printed, and
 * `FUZZ_SEED=<seed> npx jest tests/fuzz.test.ts` replays the same cases
 * (each operation draws from its own stream, so `-t` filtering replays too).
 */

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Cases per operation for actors a route turns away early (anonymous on a private route, members on /admin). */
const SAMPLED = Number(process.env.FUZZ_SAMPLED ?? 10);
/** Purely random requests per operation, on top of the systematic ones. */
const RANDOM = Number(process.env.FUZZ_RANDOM ?? 6);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface FuzzCase {
  label: string;
  /** Raw (already URL-encoded) path parameters overriding the valid ones. */
  params?: Record<string, string>;
  /** A raw query string (already URL-encoded), without `?`. */
  query?: string;
  json?: unknown;
  /** JSON text sent as is (for what JSON.stringify cannot produce: 1e400, duplicate keys). */
  raw?: { text: string | Buffer; contentType: string };
  upload?: Upload;
  /** Headers replacing the actor's (a forged or broken `Authorization`, odd languages). */
  headers?: Record<string, string>;
  /** A forged, expired or broken credential: on a route that reads tokens, only a 401 will do. */
  badCredential?: boolean;
}

// ---- Values.

const unicodePool = [
  'Nguyễn Thị Ánh',
  '💩🚀👩‍👩‍👧‍👦',
  '\u202eevil\u202c',
  'a\u200b\u200db',
  'e\u0301\u0301\u0301',
  '\u0000nul',
  '\ud800lone',
  '\udfffsur',
  '\uffff\ufffe',
  '\u0007\u001b[31m',
  '中文字符',
  'العربية',
  '𝕳𝖊𝖑𝖑𝖔',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  `{{7*7}}${'$'}{7*7}`,
  '../../../../etc/passwd',
  '%00%2e%2e',
  'null',
  'undefined',
];

function randomUnicode(rng: Rng, length = 1 + rng.int(40)): string {
  let out = '';
  while (out.length < length) {
    if (rng.chance(0.3)) out += rng.pick(unicodePool);
    else {
      const ranges: [number, number][] = [
        [0x20, 0x7e],
        [0x00, 0x1f],
        [0xa0, 0x24f],
        [0x300, 0x36f],
        [0x4e00, 0x9fff],
        [0xd800, 0xdfff],
        [0x1f300, 0x1faff],
        [0xe000, 0xf8ff],
      ];
      const [lo, hi] = rng.pick(ranges);
      out += String.fromCodePoint(lo + rng.int(hi - lo + 1));
    }
  }
  return out;
}

const wrongTypeValues: Json[] = [
  0,
  -1,
  3.14,
  true,
  false,
  '',
  'chuỗi',
  [],
  [1, 'a', null],
  {},
  { nested: { deeper: true } },
];
const outOfRange: Json[] = [-1, -0.5, 0, 0.5, 1e16, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 1e-9];
/** Placeholders replaced in the JSON text by values JSON.stringify cannot write. */
const rawNumbers = ['1e400', '-1e400', '123456789012345678901234567890', '-0', '1E+2'];

function typeOfJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function wrongTypes(rng: Rng, value: unknown, count: number): Json[] {
  const pool = wrongTypeValues.filter((w) => typeOfJson(w) !== typeOfJson(value));
  return Array.from({ length: count }, () => rng.pick(pool));
}

function deepObject(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** The nested text of a deep array, written by hand (JSON.stringify would recurse as deep). */
const deepArrayText = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function randomJson(rng: Rng, depth = 0): Json {
  const roll = rng.int(depth > 3 ? 5 : 8);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([...outOfRange, rng.int(1000), -rng.int(1000)]);
    case 3:
    case 4:
      return rng.chance(0.5) ? randomUnicode(rng) : 'x'.repeat(rng.int(3000));
    case 5:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
    default: {
      // fromEntries makes `__proto__` an own key, as JSON.parse does.
      return Object.fromEntries(
        Array.from({ length: rng.int(5) }, () => [
          rng.pick(['$gt', '$where', 'a.b', '__proto__', 'constructor', randomUnicode(rng, 6), 'title', 'id']),
          randomJson(rng, depth + 1),
        ]),
      );
    }
  }
}

// ---- Body mutations, one field at a time.

type Path = (string | number)[];

/** Every path into a sample value (objects and arrays, a few levels deep). */
function pathsOf(value: unknown, at: Path = [], depth = 0): Path[] {
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.slice(0, 2).map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k], depth + 1)]);
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

/** A copy of `value` with `path` set to `next` (or removed when `next` is `remove`). */
const remove = Symbol('remove');
function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const child = setAt(copy[head], rest, next);
  if (child === remove) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = child;
  return copy;
}

function bodyCases(rng: Rng, base: unknown, op: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const text = (value: unknown, label: string, swap?: [string, string]) => {
    let json = JSON.stringify(value);
    if (swap) json = json.replace(JSON.stringify(swap[0]), swap[1]);
    cases.push({ label, raw: { text: json, contentType: 'application/json' } });
  };
  for (const path of pathsOf(base)) {
    const name = path.join('.');
    const current = getAt(base, path);
    for (const wrong of wrongTypes(rng, current, 1))
      cases.push({ label: `${name}: wrong type ${JSON.stringify(wrong)}`, json: setAt(base, path, wrong) });
    cases.push({ label: `${name}: null`, json: setAt(base, path, null) });
    cases.push({ label: `${name}: missing`, json: setAt(base, path, remove) });
    cases.push({ label: `${name}: operator`, json: setAt(base, path, { $gt: '' }) });
    if (typeof current === 'string') {
      cases.push({ label: `${name}: huge string`, json: setAt(base, path, 'x'.repeat(100_000 + rng.int(1000))) });
      cases.push({ label: `${name}: unicode`, json: setAt(base, path, randomUnicode(rng)) });
    } else if (typeof current === 'number') {
      cases.push({ label: `${name}: out of range`, json: setAt(base, path, rng.pick(outOfRange)) });
      const raw = rng.pick(rawNumbers);
      text(setAt(base, path, '__raw__'), `${name}: ${raw}`, ['__raw__', raw]);
    } else if (Array.isArray(current)) {
      cases.push({ label: `${name}: object for array`, json: setAt(base, path, { 0: current[0] }) });
      cases.push({ label: `${name}: 2000 items`, json: setAt(base, path, Array(2000).fill(current[0] ?? 'x')) });
    } else if (current && typeof current === 'object') {
      cases.push({ label: `${name}: array for object`, json: setAt(base, path, [current]) });
      cases.push({ label: `${name}: extra field`, json: setAt(base, path, { ...current, extra: 1 }) });
    }
    if (rng.chance(0.3)) cases.push({ label: `${name}: deep object`, json: setAt(base, path, deepObject(500)) });
  }
  const obj = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  cases.push(
    { label: 'body: empty object', json: {} },
    { label: 'body: array', json: [] },
    { label: 'body: array of the valid body', json: [base] },
    { label: 'body: string', json: 'chuỗi' },
    { label: 'body: number', json: 42 },
    { label: 'body: null', raw: { text: 'null', contentType: 'application/json' } },
    { label: 'body: extra field', json: { ...obj, unexpected: 'x' } },
    { label: 'body: __proto__', raw: { text: '{"__proto__":{"role":"admin"}}', contentType: 'application/json' } },
    { label: 'body: constructor.prototype', json: { ...obj, constructor: { prototype: { role: 'admin' } } } },
    { label: 'body: top-level operator', json: { ...obj, $where: 'sleep(1000)' } },
    { label: 'body: dotted key', json: { ...obj, 'a.b': 1 } },
    { label: 'body: deep object', json: deepObject(3000) },
    { label: 'body: deep array', raw: { text: deepArrayText(50_000), contentType: 'application/json' } },
    { label: 'body: malformed JSON', raw: { text: '{"title": "x",', contentType: 'application/json' } },
    { label: 'body: duplicate keys', raw: { text: '{"a":1,"a":{"$gt":""}}', contentType: 'application/json' } },
    { label: 'body: text/plain', raw: { text: JSON.stringify(base), contentType: 'text/plain' } },
    {
      label: 'body: urlencoded operator',
      raw: { text: 'email[$gt]=&title=x', contentType: 'application/x-www-form-urlencoded' },
    },
    { label: 'body: empty JSON', raw: { text: '', contentType: 'application/json' } },
    { label: 'body: unknown charset', raw: { text: '{}', contentType: 'application/json; charset=klingon' } },
    { label: 'body: over the size limit', json: { ...obj, filler: 'x'.repeat(1_100_000) } },
  );
  for (let i = 0; i < 3; i++) cases.push({ label: `body: random #${i}`, json: randomJson(rng) });
  if (op.method === 'get' || op.method === 'delete') return cases.filter(() => rng.chance(0.25));
  return cases;
}

function uploadCases(rng: Rng, op: Operation): FuzzCase[] {
  const valid = sampleUpload(op);
  const junk = Buffer.from(Array.from({ length: 64 + rng.int(4000) }, () => rng.int(256)));
  const cases: FuzzCase[] = [
    { label: 'upload: no file', upload: { fields: { body: 'chú thích' } } },
    { label: 'upload: empty multipart', upload: {} },
    { label: 'upload: wrong field name', upload: { ...valid, field: 'upload' } },
    { label: 'upload: two files', upload: { ...valid, extraFile: true } },
    { label: 'upload: empty file', upload: { ...valid, content: Buffer.alloc(0) } },
    { label: 'upload: random bytes', upload: { field: 'file', filename: 'x.pdf', content: junk } },
    { label: 'upload: random bytes as xlsx', upload: { field: 'file', filename: 'x.xlsx', content: junk } },
    { label: 'upload: random bytes as csv', upload: { field: 'file', filename: 'x.csv', content: junk } },
    {
      label: 'upload: broken zip as xlsx',
      upload: { field: 'file', filename: 'x.xlsx', content: Buffer.concat([Buffer.from('PK\u0003\u0004'), junk]) },
    },
    {
      label: 'upload: unclosed quote csv',
      upload: { field: 'file', filename: 'x.csv', content: Buffer.from('ref,title\n"a,b\n') },
    },
    {
      label: 'upload: csv header only, odd columns',
      upload: { field: 'file', filename: 'x.csv', content: Buffer.from(`${'c,'.repeat(3000)}\n1\n`) },
    },
    { label: 'upload: executable', upload: { field: 'file', filename: 'setup.exe', content: Buffer.from('MZ\x90') } },
    {
      label: 'upload: unicode file name',
      upload: { ...valid, filename: `${randomUnicode(rng, 20).replace(/[\r\n"]/g, '')}.pdf`, content: pdf() },
    },
    { label: 'upload: path traversal name', upload: { ...valid, filename: '../../../etc/passwd.pdf', content: pdf() } },
    { label: 'upload: long file name', upload: { ...valid, filename: `${'a'.repeat(400)}.pdf`, content: pdf() } },
    { label: 'upload: no extension', upload: { ...valid, filename: 'README', content: pdf() } },
    { label: 'upload: huge text field', upload: { ...valid, fields: { body: 'x'.repeat(20_000) } } },
    {
      label: 'upload: too many fields',
      upload: { ...valid, fields: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, 'x'])) },
    },
    { label: 'upload: operator field', upload: { ...valid, fields: { 'body[$gt]': '' } } },
    { label: 'upload: nested field', upload: { ...valid, fields: { 'body[a][b]': 'x' } } },
    { label: 'upload: unicode caption', upload: { ...valid, fields: { body: randomUnicode(rng) } } },
    { label: 'upload: JSON instead', json: { file: 'x' } },
    {
      label: 'upload: broken multipart',
      raw: {
        text: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        contentType: 'multipart/form-data; boundary=zzz',
      },
    },
    { label: 'upload: multipart without boundary', raw: { text: 'abc', contentType: 'multipart/form-data' } },
  ];
  return cases;
}

// ---- Query and path mutations.

/** encodeURIComponent, except that lone surrogates become the (invalid UTF-8) bytes of their code unit. */
function enc(text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  }
  return out;
}

function queryCases(rng: Rng, op: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const [name, { schema }] of Object.entries(queryParameters(op))) {
    const wrong =
      schema.type === 'integer' || schema.type === 'number'
        ? rng.pick(['abc', '1.5', '-1', '1e309', '99999999999999999999999', 'NaN', 'Infinity', '0x1F', ' ', '-0'])
        : schema.enum
          ? rng.pick(['maybe', 'TRUE', ' true', '', 'true,false'])
          : rng.pick(['2026-13-45', 'not-an-id', ' ', '%', 'x,y,,z,']);
    cases.push(
      { label: `?${name}: wrong value ${wrong}`, query: `${name}=${enc(wrong)}` },
      { label: `?${name}: repeated`, query: `${name}=1&${name}=2` },
      { label: `?${name}: operator`, query: `${name}%5B%24gt%5D=&${name}[$ne]=x` },
      { label: `?${name}: huge`, query: `${name}=${'x'.repeat(4000)}` },
      { label: `?${name}: unicode`, query: `${name}=${enc(randomUnicode(rng))}` },
      { label: `?${name}: empty`, query: `${name}=` },
      { label: `?${name}: malformed escape`, query: `${name}=%E0%A4%A` },
    );
  }
  cases.push(
    { label: '?unknown parameter', query: 'zz=1' },
    { label: '?$where', query: '%24where=1' },
    { label: '?__proto__', query: '__proto__[role]=admin&constructor[prototype][x]=1' },
    { label: '?dotted key', query: 'a.b=1' },
    { label: '?junk separators', query: '&&&==&=x&%26' },
    { label: '?unicode key', query: `${enc(randomUnicode(rng, 8))}=${enc(randomUnicode(rng, 8))}` },
    { label: '?many parameters', query: Array.from({ length: 300 }, (_, i) => `p${i}=${i}`).join('&') },
  );
  return cases;
}

function pathCases(rng: Rng, op: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const junk = [
    'abc',
    '0'.repeat(23),
    'g'.repeat(24),
    'ffffffffffffffffffffffff',
    '%00',
    '%F0%9F%92%A9',
    '%E0%A4%A',
    'x'.repeat(1500),
    'null',
    '%24gt',
    '__proto__',
    'constructor',
    '..%2F..%2Fetc%2Fpasswd',
    '-1',
    '%5Bobject%20Object%5D',
    enc(randomUnicode(rng, 12)),
  ];
  for (const name of pathParamNames(op.path)) {
    for (const value of junk) {
      if (!rng.chance(0.6) && value !== 'ffffffffffffffffffffffff' && value !== 'abc') continue;
      cases.push({ label: `{${name}}: ${value.slice(0, 40)}`, params: { [name]: value } });
    }
  }
  return cases;
}

function randomCases(rng: Rng, op: Operation, base: unknown): FuzzCase[] {
  return Array.from({ length: RANDOM }, (_, i) => {
    const c: FuzzCase = { label: `random #${i}` };
    if (rng.chance(0.5)) {
      const keys = Array.from({ length: 1 + rng.int(4) }, () =>
        rng.pick([...Object.keys(queryParameters(op)), '$gt', 'q', 'limit', randomUnicode(rng, 5)]),
      );
      // Short enough that the URL stays under Node's 16 KB header limit (beyond it Node, not the app, answers 431).
      const text = (v: Json) => (typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 200);
      c.query = keys.map((k) => `${enc(k)}=${enc(text(randomJson(rng)))}`).join('&');
    }
    if (rng.chance(0.7)) {
      const paths = pathsOf(base);
      c.json = paths.length && rng.chance(0.6) ? setAt(base, rng.pick(paths), randomJson(rng)) : randomJson(rng);
    }
    if (rng.chance(0.2) && pathParamNames(op.path).length)
      c.params = { [rng.pick(pathParamNames(op.path))]: enc(randomUnicode(rng, 10)) };
    return c;
  });
}

function casesFor(op: Operation, base: unknown, rng: Rng): FuzzCase[] {
  const body = isMultipart(op) ? uploadCases(rng, op) : bodyCases(rng, base, op);
  return [
    { label: 'valid request' },
    // Forged credentials only where a token is read.
    ...headerCases(rng).filter((c) => !c.badCredential || op.auth || op.optionalAuth),
    ...pathCases(rng, op),
    ...queryCases(rng, op),
    ...body,
    ...randomCases(rng, op, base),
  ];
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with any claims, signed HS256 with `secret`, or unsigned (`alg: none`) without one. */
function forgeToken(claims: Record<string, unknown>, secret: string | null): string {
  const head = b64({ alg: secret ? 'HS256' : 'none', typ: 'JWT' });
  const body = b64(claims);
  const signature = secret ? crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url') : '';
  return `${head}.${body}.${signature}`;
}

function headerCases(rng: Rng): FuzzCase[] {
  const now = Math.floor(Date.now() / 1000);
  const valid = { sub: kit.owner.user.id, iss: JWT_ISSUER, iat: now, exp: now + 600 };
  const secret = t.ctx.jwtSecret;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const forged: [string, Record<string, string>][] = [
    ['Bearer without a token', { Authorization: 'Bearer' }],
    ['not a JWT', bearer('abc.def.ghi')],
    ['Basic credentials', { Authorization: 'Basic Zm9vOmJhcg==' }],
    ['alg none', bearer(forgeToken(valid, null))],
    ['signed with another secret', bearer(forgeToken(valid, 'not-the-secret'))],
    ['expired', bearer(forgeToken({ ...valid, iat: now - 7200, exp: now - 3600 }, secret))],
    ['another issuer', bearer(forgeToken({ ...valid, iss: 'evil' }, secret))],
    ['unknown user', bearer(forgeToken({ ...valid, sub: 'ffffffffffffffffffffffff' }, secret))],
    ['operator as subject', bearer(forgeToken({ ...valid, sub: { $gt: '' } }, secret))],
    ['junk subject', bearer(forgeToken({ ...valid, sub: randomUnicode(rng, 12) }, secret))],
    ['huge token', bearer('x'.repeat(8000))],
  ];
  return [
    ...forged.map(([label, headers]) => ({ label: `auth: ${label}`, headers, badCredential: true })),
    {
      label: 'header: odd Accept-Language',
      headers: { 'Accept-Language': rng.pick(['xx', '*;q=abc', 'vi-VN,vi;q=0.9,,', 'en;q=2', ';;;']) },
    },
    { label: 'header: odd X-Request-Id', headers: { 'X-Request-Id': '../..\\x y' } },
  ];
}

/** A stable 32-bit hash, to give each operation its own PRNG stream. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---- The run.

let t: TestApp;
let world: World;
let kit: Kit;
const limit = createLimiter(8);
const stats = { requests: 0, byStatus: {} as Record<number, number> };
const started = Date.now();

/** Whom a route lets through to its validation: they get every case; the others a sample. */
function gatekeeper(op: Operation): Actor['kind'] {
  if (op.path.startsWith('/admin/')) return 'admin';
  return op.auth ? 'member' : 'anon';
}

function buildRequest(op: Operation, actor: Actor, valid: ApiRequest, params: Record<string, string>, c: FuzzCase) {
  const [, query] = valid.url.split('?');
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, enc(v)]));
  const path = fillPath(op.path, { ...raw, ...c.params }, true);
  const q = c.query ?? query;
  const req: ApiRequest = {
    method: op.method,
    url: q ? `${path}?${q}` : path,
    headers: { ...actor.headers, ...c.headers },
  };
  const touched = c.json !== undefined || c.raw || c.upload;
  if (!touched) {
    req.json = valid.json;
    req.upload = valid.upload;
  } else {
    req.json = c.json;
    req.raw = c.raw;
    req.upload = c.upload;
  }
  return req;
}

beforeAll(async () => {
  console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npx jest tests/fuzz.test.ts)`);
  t = await startTestApp();
  world = await buildWorld(t, { kitTypes: ['enterprise'], strangerTypes: [] });
  kit = world.kits[0];
}, 120_000);

afterAll(async () => {
  console.log(
    `fuzz: seed ${seed}, ${stats.requests} requests over ${operations.length} operations in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(stats.byStatus)}`,
  );
  await t?.close();
});

describe(`fuzzing every operation (seed ${seed})`, () => {
  it.each(operations.map((op) => [opKey(op), op] as const))('%s', async (_name, op) => {
    const rng = createRng((seed ^ hash(opKey(op))) >>> 0);
    const params = await resolveParams(world, kit, op);
    const base = isMultipart(op) ? undefined : (sampleBody(world, op, kit) ?? (jsonBodySchema(op) ? {} : undefined));
    const cases = casesFor(op, base ?? {}, rng);
    const actors = [world.anon, kit.actor, world.admin];
    const gate = gatekeeper(op);
    const planned: { actor: Actor; c: FuzzCase }[] = [];
    for (const actor of actors) {
      const chosen =
        actor.kind === gate ? cases : [cases[0], ...cases.slice(1).filter(() => rng.next() < SAMPLED / cases.length)];
      for (const c of chosen) planned.push({ actor, c });
    }
    const valid = {
      method: op.method,
      url: fillPath(op.path, params),
      json: base,
      upload: isMultipart(op) ? sampleUpload(op) : undefined,
    };
    const failures: string[] = [];
    await Promise.all(
      planned.map(({ actor, c }) =>
        limit(async () => {
          const req = buildRequest(op, actor, valid, params, c);
          let reply: ApiReply;
          try {
            reply = await send(t.app.server, req);
          } catch (err) {
            failures.push(
              `${c.label}: ${describeRequest(req, actor.label)} → request failed: ${(err as Error).message}`,
            );
            return;
          }
          stats.requests++;
          stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
          const problems = contractProblems(reply);
          if (c.badCredential && (op.auth || op.optionalAuth) && reply.status !== 401)
            problems.push(`a bad credential got ${reply.status} instead of 401: ${reply.text.slice(0, 200)}`);
          for (const problem of problems)
            failures.push(`seed=${seed} case "${c.label}": ${describeRequest(req, actor.label)} → ${problem}`);
        }),
      ),
    );
    if (failures.length) console.log(`${opKey(op)} (seed ${seed}):\n  ${failures.join('\n  ')}`);
    expect(failures).toEqual([]);
  });
});
