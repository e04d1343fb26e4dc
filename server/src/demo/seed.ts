import { demandCreateSchema, offerCreateSchema } from '@techbridge/shared';
import type { AppContext } from '../context';
import { createUser } from '../modules/accounts/commands/createUser';
import { registerAccount } from '../modules/accounts/commands/registerAccount';
import { accountStore } from '../modules/accounts/store';
import { publishListing } from '../modules/listings/commands/changeStatus';
import { createListing } from '../modules/listings/commands/createListing';
import { listingsOf } from '../modules/listings/view';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import type { AuthUser } from '../platform/principal';
import { demoDemands, demoOffers } from './listings';

export const DEMO_PASSWORD = 'TechBridge@2026';

interface DemoAccount {
  email: string;
  name: string;
  organization: { name: string; type: string; province: string } | null;
}

/** The demo organisations and accounts of API-CONTRACT.md; all verified (organisations and addresses). */
export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.vn', name: 'Quản trị viên TechBridge', organization: null },
  {
    email: 'vien@demo.vn',
    name: 'TS. Nguyễn Thị Lan',
    organization: { name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II', type: 'research_institute', province: 'HCM' },
  },
  {
    email: 'truong@demo.vn',
    name: 'PGS.TS. Trần Văn Minh',
    organization: { name: 'Trường Đại học Cần Thơ', type: 'university', province: 'CTO' },
  },
  {
    email: 'doanhnghiep@demo.vn',
    name: 'Lê Quốc Bảo',
    organization: { name: 'Công ty CP Thủy sản Minh Phú Hậu Giang', type: 'enterprise', province: 'CTO' },
  },
  {
    email: 'moigioi@demo.vn',
    name: 'Phạm Thu Hà',
    organization: {
      name: 'Trung tâm Chuyển giao Công nghệ và Tư vấn Sáng Tạo Việt',
      type: 'intermediary',
      province: 'HN',
    },
  },
  {
    email: 'so@demo.vn',
    name: 'Võ Thành Nam',
    organization: { name: 'Sở Khoa học và Công nghệ Cần Thơ', type: 'agency', province: 'CTO' },
  },
];

/**
 * Seeds the demo accounts once: an existing email is left as it is, so the
 * seed is idempotent and never overwrites changes made through the product.
 */
export async function seedDemo(db: Db, log: Logger): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    if (await accountStore(db).findUserByEmail(account.email)) continue;
    const input = { email: account.email, password: DEMO_PASSWORD, name: account.name };
    if (account.organization) {
      await registerAccount(db, { ...input, organization: account.organization }, { verified: true });
    } else {
      await createUser(db, { ...input, role: 'admin', verified: true });
    }
    created += 1;
  }
  if (created) log.info(`Seeded ${created} demo account(s)`);
  return created;
}

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

/**
 * Seeds the demo listings once, through the same commands as real writes
 * (create, then publish), so they are indexed and matched like any other.
 * A listing whose title its organisation already has is skipped.
 */
export async function seedDemoListings(ctx: AppContext): Promise<number> {
  let created = 0;
  const authors = new Map<string, { user: AuthUser; titles: Set<string> } | null>();
  const author = async (email: string) => {
    if (!authors.has(email)) {
      const u = await accountStore(ctx.db).findUserByEmail(email);
      if (!u?.organizationId) authors.set(email, null);
      else {
        const orgId = String(u.organizationId);
        const existing = [...(await listingsOf(ctx, 'offer', orgId)), ...(await listingsOf(ctx, 'demand', orgId))];
        authors.set(email, {
          user: {
            id: String(u._id),
            email: u.email,
            name: u.name,
            role: 'user',
            organizationId: orgId,
            orgRole: 'owner',
          },
          titles: new Set(existing.map((l) => l.title)),
        });
      }
    }
    return authors.get(email) ?? null;
  };
  const items = [
    ...demoOffers.map((o) => ({ type: 'offer' as const, owner: o.owner, input: offerCreateSchema.parse(o.input) })),
    ...demoDemands.map((d) => ({ type: 'demand' as const, owner: d.owner, input: demandCreateSchema.parse(d.input) })),
  ];
  for (const item of items) {
    if (ctx.lifecycle.draining) break;
    const found = await author(item.owner);
    if (!found || found.titles.has(item.input.title)) continue;
    const listing = await createListing(ctx, item.type, found.user, item.input);
    await publishListing(ctx, item.type, listing);
    found.titles.add(item.input.title);
    created += 1;
  }
  if (created) ctx.log.info(`Seeded ${created} demo listing(s)`);
  return created;
}
