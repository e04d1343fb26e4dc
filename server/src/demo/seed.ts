import { createUser } from '../modules/accounts/commands/createUser';
import { accountStore } from '../modules/accounts/store';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import { worldOrganizations } from './world';

export const DEMO_PASSWORD = 'TechBridge@2026';

/** The platform administrator of the demo (API-CONTRACT.md); every other demo account is in the world's data. */
export const DEMO_ADMIN = { email: 'admin@demo.vn', name: 'Quản trị viên TechBridge' };

/** The six contract accounts (API-CONTRACT.md) with what they are, for the start-up banner. */
export const demoAccounts: { email: string; role: string }[] = [
  { email: DEMO_ADMIN.email, role: 'platform administrator' },
  ...['vien@demo.vn', 'truong@demo.vn', 'doanhnghiep@demo.vn', 'moigioi@demo.vn', 'so@demo.vn'].map((email) => ({
    email,
    role: worldOrganizations.find((o) => o.members.some((m) => m.email === email))?.type ?? '',
  })),
];

/** Production bootstrap: the first administrator, from ADMIN_EMAIL/ADMIN_PASSWORD, if none exists. */
export async function bootstrapAdmin(db: Db, email: string, password: string, log: Logger): Promise<boolean> {
  const accounts = accountStore(db);
  if (await accounts.scanHasAdmin()) return false;
  const normalized = email.trim().toLowerCase();
  const existing = await accounts.findUserByEmail(normalized);
  if (existing) await accounts.makeAdmin(existing._id);
  else await createUser(db, { email: normalized, password, name: 'Administrator', role: 'admin', verified: true });
  log.info(`Administrator ${normalized} created`);
  return true;
}
