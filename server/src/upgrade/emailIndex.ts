import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';

/**
 * Versions before address verification kept a unique index on users.email.
 * Now an address may wait in several unverified accounts (registrations,
 * see modules/accounts/commands/registerAccount.ts) and its uniqueness among
 * verified accounts is the UserEmails key collection's: the old index goes,
 * once (reading the index list at start is cheap; nothing happens after).
 */
export async function dropUniqueEmailIndex(db: Db, log: Logger): Promise<void> {
  const users = db.connection.db?.collection('users');
  if (!users) return;
  const indexes = await users.indexes().catch(() => []);
  const old = indexes.find((i) => i.key?.email === 1 && i.unique);
  if (!old?.name) return;
  await users.dropIndex(old.name);
  log.info(`Dropped the unique index ${old.name} on users (addresses are unique among verified accounts)`);
}
