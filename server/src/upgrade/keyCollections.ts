import crypto from 'node:crypto';
import { Schema, Types } from 'mongoose';
import type { Db, ModelDefinition } from '../platform/db';
import type { Logger } from '../platform/logger';

/** Where the data layout's version is kept (one document, `_id` 'layout'): created with the other collections. */
export const metaModels: ModelDefinition[] = [
  {
    name: 'Meta',
    schema: new Schema({ _id: String, version: Number }, { versionKey: false, strict: 'throw' }),
    collection: 'meta',
  },
];

/** The data layout this code reads and writes (1: before key collections and carried events). */
export const LAYOUT_VERSION = 2;

// biome-ignore lint/suspicious/noExplicitAny: documents of an earlier version, of any shape.
type Raw = { _id: any; [field: string]: any };
type RawDb = NonNullable<Db['connection']['db']>;
type Collection = ReturnType<RawDb['collection']>;

const derivedId = (key: string) => crypto.createHash('sha256').update(key).digest().subarray(0, 12).toString('hex');

/**
 * Brings a database written by an earlier version (layout 1) to this one,
 * once, at start: builds the key collections from the records, gives
 * messages and read positions their derived ids, regroups saved searches and
 * follows per user, moves NDA access onto the deals and undelivered events to
 * the new outbox. A maintenance pass that reads whole collections; every
 * step can run again without harm. A fresh database is simply marked.
 */
export async function upgradeLayout(db: Db, log: Logger): Promise<void> {
  const raw = db.connection.db;
  if (!raw) throw new Error('no database');
  const meta = raw.collection<{ _id: string; version: number }>('meta');
  const current = (await meta.findOne({ _id: 'layout' }))?.version ?? 1;
  if (current >= LAYOUT_VERSION) return;
  const col = (name: string) => raw.collection(name);
  if ((await col('users').countDocuments({}, { limit: 1 })) > 0) {
    const started = Date.now();
    log.warn('Upgrading the data of an earlier version (key collections, message ids); once');
    await upgrade(col);
    log.warn(`Data upgraded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await meta.updateOne({ _id: 'layout' }, { $set: { version: LAYOUT_VERSION } }, { upsert: true });
}

async function upgrade(col: (name: string) => Collection): Promise<void> {
  const keys = new Map<string, Map<string, Set<string>>>();
  const key = (collection: string, k: string, id: unknown) => {
    const byKey = keys.get(collection) ?? new Map<string, Set<string>>();
    keys.set(collection, byKey);
    byKey.set(k, (byKey.get(k) ?? new Set()).add(String(id)));
  };
  const all = (name: string) => col(name).find({}).toArray() as Promise<Raw[]>;

  for (const u of await all('users')) {
    key('useremails', String(u.email), u._id);
    if (u.organizationId) key('orgmembers', String(u.organizationId), u._id);
  }
  await col('users').updateMany({}, { $unset: { unreadNotifications: '' } });

  const verifications = (await all('verifications')).sort((a, b) => a.createdAt - b.createdAt);
  for (const v of verifications) {
    key('verificationqueue', String(v.status), v._id);
    await col('organizations').updateOne({ _id: v.organizationId }, { $set: { latestVerificationId: v._id } });
  }

  for (const type of ['offer', 'demand']) {
    for (const l of (await all(`${type}s`)).sort((a, b) => a.createdAt - b.createdAt)) {
      key('orglistings', `${l.organizationId}:${type}`, l._id);
      if (l.externalRef) key('listingrefs', `${l.organizationId}:${type}`, `${l._id}:${l.externalRef}`);
      if (l.status === 'pending_review' && !l.deletedAt) key('moderationqueue', type, l._id);
    }
  }

  for (const m of await all('matches')) {
    key('listingmatches', `offer:${m.offerId}`, m._id);
    key('listingmatches', `demand:${m.demandId}`, m._id);
    key('orgmatches', String(m.offerOrgId), m._id);
    key('orgmatches', String(m.demandOrgId), m._id);
  }

  const access = await all('ndaaccesses');
  for (const d of await all('deals')) {
    for (const org of [d.ownerOrgId, d.initiatorOrgId, d.intermediaryOrgId])
      if (org) key('orgdeals', String(org), d._id);
    if (!String(d.openKey).startsWith('closed:')) key('opendeals', String(d.openKey), d._id);
    const nda = access.find((a) => String(a.dealId) === String(d._id));
    if (nda) {
      await col('deals').updateOne(
        { _id: d._id },
        {
          $set: {
            nda: { orgId: nda.orgId, status: nda.status, version: nda.version ?? null, at: nda.updatedAt ?? null },
          },
        },
      );
      if (nda.status === 'granted') key('ndagrants', `${nda.offerId}:${nda.orgId}`, d._id);
    }
  }

  // Messages: their `_id` derived from deal and number, so a page of them is a few lookups.
  for (const m of await all('messages')) {
    const id = derivedId(`message:${m.dealId}:${m.seq}`);
    key('messagekeys', `${m.dealId}:${m.senderId}:${m.clientId}`, String(m.seq));
    if (String(m._id) === id) continue;
    await col('messages').deleteOne({ _id: m._id });
    await col('messages').insertOne({ ...m, _id: new Types.ObjectId(id) });
  }
  for (const r of await col('dealreads')
    .find({ dealId: { $exists: true } })
    .toArray()) {
    await col('dealreads').deleteOne({ _id: r._id });
    await col('dealreads').updateOne(
      { _id: `${r.dealId}:${r.userId}` as never },
      { $max: { seq: r.seq ?? 0 } },
      { upsert: true },
    );
  }

  // Inboxes: each user's newest notifications and how many are unread.
  const byUser = new Map<string, Raw[]>();
  for (const n of await all('notifications'))
    byUser.set(String(n.userId), [...(byUser.get(String(n.userId)) ?? []), n]);
  for (const [userId, items] of byUser) {
    const newest = items.sort((a, b) => a.createdAt - b.createdAt).slice(-200);
    await col('inboxes').updateOne(
      { _id: userId as never },
      { $set: { ids: newest.map((n) => String(n._id)), unread: newest.filter((n) => !n.readAt).length } },
      { upsert: true },
    );
  }

  // Saved searches and follows: one document per user.
  for (const [name, field] of [
    ['savedsearches', 'searches'],
    ['follows', 'sectors'],
  ] as const) {
    const old = await col(name)
      .find({ userId: { $exists: true } })
      .toArray();
    for (const item of old) {
      await col(name).deleteOne({ _id: item._id });
      const entry =
        name === 'savedsearches'
          ? { _id: item._id, name: item.name, query: item.query, createdAt: item.createdAt }
          : { sector: item.sector, createdAt: item.createdAt };
      await col(name).updateOne(
        { _id: String(item.userId) as never },
        { $set: { organizationId: item.organizationId ?? null }, $push: { [field]: entry } as never },
        { upsert: true },
      );
      if (name === 'follows') key('sectorfollowers', String(item.sector), item.userId);
    }
  }
  for (const h of await col('savedsearchhits')
    .find({ savedSearchId: { $exists: true } })
    .toArray()) {
    await col('savedsearchhits').deleteOne({ _id: h._id });
    await col('savedsearchhits').updateOne(
      { _id: `${h.savedSearchId}:${h.listingKey}` as never },
      { $setOnInsert: { createdAt: h.createdAt ?? new Date() } },
      { upsert: true },
    );
  }

  for (const e of await all('auditlogs')) if (e.dealId) key('dealaudit', String(e.dealId), e._id);

  // Undelivered events of the old outbox move to the new one; refresh tokens are dropped (users log in again).
  for (const e of await col('events').find({ processedAt: null }).toArray()) {
    await col('outbox').updateOne(
      { _id: String(e._id) as never },
      {
        $setOnInsert: {
          type: e.type,
          data: e.data,
          at: e.createdAt,
          done: [],
          claimedAt: null,
          attempts: 0,
          lastError: null,
        },
      },
      { upsert: true },
    );
  }
  for (const name of ['events', 'refreshtokens', 'ndaaccesses']) await col(name).deleteMany({});

  for (const [collection, byKey] of keys) {
    for (const [k, ids] of byKey) {
      await col(collection).updateOne(
        { _id: k as never },
        { $addToSet: { ids: { $each: [...ids] } } },
        { upsert: true },
      );
    }
  }
}
