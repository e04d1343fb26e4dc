import type { AppContext } from '../context';
import type { AuthUser } from '../modules/accounts/passport';
import { hashPassword } from '../modules/accounts/passwords';
import { createListing, publishListing } from '../modules/listings/service';
import type { Models } from '../platform/db';
import type { Logger } from '../platform/logger';
import { demoDemands, demoOffers } from './listings';

export const DEMO_PASSWORD = 'TechBridge@2026';

interface DemoAccount {
  email: string;
  name: string;
  organization: { name: string; type: string; province: string } | null;
}

/** The demo organisations and accounts of API-CONTRACT.md; all verified. */
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
export async function seedDemo(models: Models, log: Logger): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    if (await models.User.exists({ email: account.email })) continue;
    let organizationId = null;
    if (account.organization) {
      const existing = await models.Organization.findOne({ name: account.organization.name }).lean();
      organizationId =
        existing?._id ?? (await models.Organization.create({ ...account.organization, verified: true }))._id;
    }
    await models.User.create({
      email: account.email,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      name: account.name,
      role: account.organization ? 'user' : 'admin',
      organizationId,
      orgRole: account.organization ? 'owner' : null,
    });
    created += 1;
  }
  if (created) log.info(`Seeded ${created} demo account(s)`);
  return created;
}

/** Production bootstrap: the first administrator, from ADMIN_EMAIL/ADMIN_PASSWORD, if none exists. */
export async function bootstrapAdmin(models: Models, email: string, password: string, log: Logger): Promise<boolean> {
  if (await models.User.exists({ role: 'admin' })) return false;
  const normalized = email.trim().toLowerCase();
  if (await models.User.exists({ email: normalized })) {
    await models.User.updateOne({ email: normalized }, { $set: { role: 'admin' } });
  } else {
    await models.User.create({
      email: normalized,
      passwordHash: await hashPassword(password),
      name: 'Administrator',
      role: 'admin',
    });
  }
  log.info(`Administrator ${normalized} created`);
  return true;
}

/**
 * Seeds the demo listings once, through the same commands as real writes
 * (create, then publish), so they are indexed and matched like any other.
 * A listing whose title its organisation already has is skipped.
 */
export async function seedDemoListings(ctx: AppContext): Promise<number> {
  const { models } = ctx.db;
  let created = 0;
  const authors = new Map<string, AuthUser>();
  const author = async (email: string) => {
    if (!authors.has(email)) {
      const u = await models.User.findOne({ email }).lean();
      if (!u?.organizationId) return null;
      authors.set(email, {
        id: String(u._id),
        email: u.email,
        name: u.name,
        role: 'user',
        organizationId: String(u.organizationId),
        orgRole: 'owner',
      });
    }
    return authors.get(email) ?? null;
  };
  const items = [
    ...demoOffers.map((o) => ({ type: 'offer' as const, owner: o.owner, input: o.input })),
    ...demoDemands.map((d) => ({ type: 'demand' as const, owner: d.owner, input: d.input })),
  ];
  for (const item of items) {
    const user = await author(item.owner);
    if (!user) continue;
    const model = item.type === 'offer' ? models.Offer : models.Demand;
    if (await model.exists({ organizationId: user.organizationId, title: item.input.title })) continue;
    const listing = await createListing(ctx, item.type, user, item.input);
    await publishListing(ctx, item.type, listing);
    created += 1;
  }
  if (created) ctx.log.info(`Seeded ${created} demo listing(s)`);
  return created;
}
