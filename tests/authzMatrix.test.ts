import { organizationTypeCodes } from '@techbridge/shared';
import { startTestApp, type TestApp } from './helpers/app';
import {
  type ApiReply,
  contractProblems,
  createLimiter,
  describeRequest,
  type Operation,
  operations,
  opKey,
  registeredRoutes,
  send,
} from './helpers/routes';
import {
  type Actor,
  buildWorld,
  type Kit,
  leakedCanaries,
  resourceParams,
  type Scenario,
  sampleRequest,
  type World,
} from './helpers/world';

/**
 * The authorization matrix (issue 8), generated from the route table: every
 * operation of server/src/openapi/registry.ts is sent by an anonymous caller,
 * by a platform administrator, by the owner of the records it names and by a
 * member of another organisation of every type, for an owner organisation of
 * every type. A new route is covered as soon as it is in the table, and fails
 * here until the rules below say who owns what it names.
 *
 * Every answer, whoever asks: never a 5xx, a 4xx names its error, and no text
 * the reader may not see (the fixtures' canaries, see helpers/world.ts).
 */

// ---- Expected outcomes.

type Outcome =
  | 'ok'
  | 'unauthenticated'
  | 'forbidden'
  | 'denied'
  | 'hidden'
  | 'allowed'
  | 'refused'
  | 'notForbidden'
  | 'notUnauthenticated';

const outcomes: Record<Outcome, { means: string; test: (status: number) => boolean }> = {
  ok: { means: '2xx', test: (s) => s >= 200 && s < 300 },
  unauthenticated: { means: '401', test: (s) => s === 401 },
  forbidden: { means: '403', test: (s) => s === 403 },
  denied: { means: '403 or 404', test: (s) => s === 403 || s === 404 },
  hidden: { means: '404', test: (s) => s === 404 },
  allowed: { means: 'neither 401 nor 403', test: (s) => s !== 401 && s !== 403 },
  refused: { means: 'a 4xx other than 401 (never 2xx)', test: (s) => s >= 400 && s < 500 && s !== 401 },
  notForbidden: { means: 'not 403', test: (s) => s !== 403 },
  notUnauthenticated: { means: 'not 401', test: (s) => s !== 401 },
};

/**
 * Who owns the records a route's `{id}` names, by the path's first segment:
 * the one thing the route table does not say. `adminReads`: platform
 * administrators may read them (moderation, support) though never change them.
 */
const owners: Record<string, { owner: string; adminReads: boolean }> = {
  offers: { owner: "the listing's organisation", adminReads: true },
  demands: { owner: "the listing's organisation", adminReads: true },
  deals: { owner: 'the parties to the deal (owner, initiator, intermediary)', adminReads: true },
  matches: { owner: 'the organisations on either side', adminReads: true },
  notifications: { owner: 'its user', adminReads: false },
  'saved-searches': { owner: 'its user', adminReads: false },
  bookmarks: { owner: 'its user', adminReads: false },
  mandates: { owner: 'the broker and its client organisation', adminReads: true },
  // Issue 17: the organiser owns its event's organiser routes (publish, schedule, attendance, stats, exports);
  // a registered organisation its participant routes (suggestions, meetings, its agenda, withdrawing). The
  // fixtures name, per route, the event in which the kit plays that part (helpers/eventFixtures.ts).
  events: { owner: 'the organiser, or for participant routes a registered organisation', adminReads: true },
  // /organizations/me/members/{userId}, /organizations/me/invitations/{id}: the caller's own team (its owner and admins).
  organizations: { owner: "the members' organisation (its owner and admins manage it)", adminReads: false },
};

/** Routes for intermediaries (brokers) only: asking for mandates, introducing parties. */
const brokerOnly = /^\/(mandates|introductions)$/;

/** Who creates events (Techmart, brokerage days): administrators and members of agencies and intermediaries. */
const eventOrganizerTypes = ['agency', 'intermediary'];
/** Registering for an event: any verified organisation registers itself (others' listings are refused with a 400). */
const eventRegistration = (op: Operation) => op.method === 'post' && op.path === '/events/{id}/participants';
/** A participant's own view that administrators, belonging to no organisation, do not have. */
const participantOwn = /^\/events\/\{id\}\/suggestions$/;

/**
 * Routes whose body or query carries a token from a mail (verification,
 * password reset, invitation, unsubscribe): the sample's token is refused
 * (a 4xx naming it), whoever sends it; never a 403 for who asks.
 */
const mailedToken = /^\/(auth\/verify-email|auth\/password\/reset|invitations\/(preview|accept)|mail\/unsubscribe)$/;

/** Records public whoever asks, where signing in shows more (an organisation's profile shows contacts to users). */
const publicWithMore = /^\/organizations\/\{id\}$/;

/** Operator routes: administrators and members of an agency (a provincial Department of S&T) only. */
const operatorOnly = /^\/stats(\/|$)/;

type Relation = 'owner' | 'other';

/**
 * The expected outcome, from the table's metadata (auth, optionalAuth, the
 * /admin prefix, the method, the documented errors) and the rules above.
 * Throws when no rule covers the operation.
 */
function expectation(op: Operation, actor: Actor, relation: Relation, scenario: Scenario): Outcome {
  const read = op.method === 'get';
  if (mailedToken.test(op.path)) return 'notForbidden';
  if (op.path.startsWith('/admin/')) {
    if (!op.auth) throw new Error(`${opKey(op)}: an /admin route the table marks public`);
    if (actor.kind === 'anon') return 'unauthenticated';
    if (actor.kind !== 'admin') return 'forbidden';
    return read ? 'ok' : 'allowed';
  }
  if (!op.auth && !op.optionalAuth) {
    // Public. Routes documented to answer 401 (login, refresh) do so for bad credentials, not for who asks.
    return op.errors?.includes(401) ? 'notForbidden' : 'ok';
  }
  const resource = resourceParams(op.path).length > 0;
  if (read && publicWithMore.test(op.path)) return 'ok';
  if (actor.kind === 'anon') {
    if (op.auth) return 'unauthenticated';
    return scenario === 'private' ? 'hidden' : 'ok';
  }
  if (operatorOnly.test(op.path)) return actor.kind === 'admin' || actor.orgType === 'agency' ? 'ok' : 'forbidden';
  if (!resource && !read && brokerOnly.test(op.path) && actor.kind === 'member')
    return actor.orgType === 'intermediary' ? 'allowed' : 'forbidden';
  if (op.method === 'post' && op.path === '/events')
    return actor.kind === 'admin' || eventOrganizerTypes.includes(actor.orgType ?? '') ? 'ok' : 'forbidden';
  if (!resource) {
    // The caller's own records. Administrators belong to no organisation: organisation-only routes may refuse them.
    if (actor.kind === 'admin') return 'notUnauthenticated';
    return read ? 'ok' : 'allowed';
  }
  const rule = owners[op.path.split('/')[1]];
  if (!rule) throw new Error(`${opKey(op)}: no ownership rule for /${op.path.split('/')[1]}/{id}; add one to owners`);
  if (op.optionalAuth && scenario === 'public') return 'ok';
  if (eventRegistration(op)) return actor.kind === 'admin' ? 'refused' : 'allowed';
  if (actor.kind === 'admin' && participantOwn.test(op.path)) return 'denied';
  if (actor.kind === 'admin') return read ? (rule.adminReads ? 'ok' : 'denied') : 'refused';
  if (relation === 'owner') return read ? 'ok' : 'allowed';
  return 'denied';
}

// ---- The run.

const types = [...organizationTypeCodes];
let t: TestApp;
let world: World;
const limit = createLimiter(8);
const tally = { requests: 0, byOutcome: {} as Record<string, number> };
const started = Date.now();

interface Case {
  actor: Actor;
  relation: Relation;
  kit?: Kit;
  scenario: Scenario;
}

/** Non-owners first (they must leave the records as they were), then the owner, who may change or delete them. */
function phases(op: Operation): Case[][] {
  const scenarios: Scenario[] = op.optionalAuth && resourceParams(op.path).length ? ['public', 'private'] : ['public'];
  if (!resourceParams(op.path).length) {
    // Nothing owned is named: everyone is simply themselves.
    const everyone = [world.anon, world.admin, ...world.kits.map((k) => k.actor), ...world.strangers];
    return [everyone.map((actor) => ({ actor, relation: 'other' as const, scenario: 'public' as const }))];
  }
  const first: Case[] = [];
  const last: Case[] = [];
  for (const kit of world.kits) {
    for (const scenario of scenarios) {
      for (const actor of [world.anon, ...world.strangers, world.admin])
        first.push({ actor, relation: 'other', kit, scenario });
      last.push({ actor: kit.actor, relation: 'owner', kit, scenario });
    }
  }
  return [first, last];
}

async function runCase(op: Operation, c: Case): Promise<string[]> {
  const expected = expectation(op, c.actor, c.relation, c.scenario);
  const req = await sampleRequest(world, op, c.actor, c.kit, c.scenario);
  const reply: ApiReply = await limit(() => send(t.app.server, req));
  tally.requests++;
  tally.byOutcome[expected] = (tally.byOutcome[expected] ?? 0) + 1;
  const who = `${c.actor.label}${c.kit ? ` on ${c.kit.type}'s ${c.scenario === 'private' ? 'private ' : ''}records (${c.relation})` : ''}`;
  const problems = contractProblems(reply);
  if (!outcomes[expected].test(reply.status))
    problems.push(
      `expected ${outcomes[expected].means} (${expected}), got ${reply.status}: ${reply.text.slice(0, 200)}`,
    );
  for (const leak of leakedCanaries(world, c.actor, reply.text)) problems.push(`shows ${leak.what} (${leak.text})`);
  return problems.map((p) => `${describeRequest(req, who)} → ${p}`);
}

beforeAll(async () => {
  t = await startTestApp();
  world = await buildWorld(t, { kitTypes: types, strangerTypes: types });
}, 180_000);

afterAll(async () => {
  const owned = operations.filter((op) => resourceParams(op.path).length).length;
  console.log(
    `authorization matrix: ${operations.length} operations (${operations.length - owned} naming no record × ` +
      `${2 + 2 * types.length} actors; ${owned} naming records × ${types.length} owner types × ` +
      `${3 + types.length} actors, twice for optionally authenticated reads), ${tally.requests} requests, ` +
      `expected outcomes ${JSON.stringify(tally.byOutcome)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await t?.close();
});

describe('authorization matrix', () => {
  it('covers every route the server registers', () => {
    const table = new Set(operations.map(opKey));
    expect(registeredRoutes(t.app.app).filter((r) => !table.has(r))).toEqual([]);
  });

  it('has an expectation rule for every operation, actor and scenario', () => {
    const missing: string[] = [];
    for (const op of operations) {
      for (const c of phases(op).flat()) {
        try {
          expectation(op, c.actor, c.relation, c.scenario);
        } catch (err) {
          missing.push((err as Error).message);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('sees the canaries where they may be seen (so their absence elsewhere means something)', async () => {
    const kit = world.kits[0];
    const read = async (actor: Actor, url: string) =>
      (await send(t.app.server, { method: 'get', url, headers: actor.headers })).text;
    expect(await read(kit.actor, `/api/offers/${kit.offer.id}`)).toContain(kit.canaries.conf);
    expect(await read(world.admin, `/api/offers/${kit.draftOffer.id}`)).toContain(kit.canaries.priv);
    expect(await read(kit.actor, `/api/deals/${kit.dealAsOwner.id}/messages`)).toContain(kit.canaries.deal);
    expect(await read(kit.actor, '/api/notifications')).toContain(kit.canaries.user);
    expect(leakedCanaries(world, world.anon, `x ${kit.canaries.conf} y`)).toHaveLength(1);
  });

  it('keeps /admin closed to members under path variants (case, doubled and trailing slashes)', async () => {
    const kit = world.kits[0];
    const member = world.strangers[0];
    const problems: string[] = [];
    for (const op of operations.filter((o) => o.path.startsWith('/admin/'))) {
      const valid = await sampleRequest(world, op, member, kit);
      const variants = [
        valid.url.replace('/api/admin/', '/api/ADMIN/'),
        valid.url.replace('/api/admin/', '/api/Admin//'),
        `${valid.url}/`,
      ];
      for (const url of variants) {
        const req = { ...valid, url };
        const reply = await limit(() => send(t.app.server, req));
        tally.requests++;
        if (reply.status < 300 || reply.status >= 500)
          problems.push(`${describeRequest(req, member.label)} → ${reply.status}: ${reply.text.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(operations.map((op) => [opKey(op), op] as const))('%s', async (_name, op) => {
    const problems: string[] = [];
    for (const phase of phases(op)) {
      const results = await Promise.all(phase.map((c) => runCase(op, c)));
      problems.push(...results.flat());
    }
    if (problems.length) console.log(`${opKey(op)}:\n  ${problems.join('\n  ')}`);
    expect(problems).toEqual([]);
  });
});
