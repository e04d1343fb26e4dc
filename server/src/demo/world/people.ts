import type { AppContext } from '../../context';
import type { User } from '../../modules/accounts/model';
import { accountStore } from '../../modules/accounts/store';
import type { AuthUser } from '../../platform/principal';

/** The principal a command receives, for a stored user. */
export const principalOf = (u: User): AuthUser => ({
  id: String(u._id),
  email: u.email,
  name: u.name,
  role: u.role as AuthUser['role'],
  organizationId: u.organizationId ? String(u.organizationId) : null,
  orgRole: (u.orgRole ?? null) as AuthUser['orgRole'],
});

/** What the seeding steps share: people by e-mail, organisations and listings by their world keys. */
export interface WorldIds {
  now: Date;
  /** Organisation key → id. */
  orgs: Map<string, string>;
  /** Listing key → type and id. */
  listings: Map<string, { type: 'offer' | 'demand'; id: string; orgKey: string }>;
  person(email: string): Promise<AuthUser>;
  /** The owner (first member) of an organisation, by key. */
  ownerOf(orgKey: string): Promise<AuthUser>;
}

export function worldIds(ctx: AppContext, now: Date, owners: Map<string, string>): WorldIds {
  const people = new Map<string, AuthUser>();
  const person = async (email: string) => {
    let found = people.get(email);
    if (!found) {
      const u = await accountStore(ctx.db).findUserByEmail(email);
      if (!u) throw new Error(`demo world: no account ${email}`);
      found = principalOf(u);
      people.set(email, found);
    }
    return found;
  };
  return {
    now,
    orgs: new Map(),
    listings: new Map(),
    person,
    ownerOf: (orgKey) => person(owners.get(orgKey) ?? `missing:${orgKey}`),
  };
}
