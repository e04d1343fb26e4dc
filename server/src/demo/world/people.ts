import crypto from 'node:crypto';
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

/**
 * The `_id` of a demo-world record (organisation, listing, event), derived from its key in the data: a run
 * resumed after an interruption finds what the first one wrote instead of writing it twice.
 */
export const worldObjectId = (kind: 'organization' | 'listing' | 'event', key: string) =>
  crypto.createHash('sha1').update(`demo-world:${kind}:${key}`).digest('hex').slice(0, 24);

/** Thrown at a checkpoint when the run's signal is aborted (a test's stand-in for a killed process). */
export const runStopped = () => Object.assign(new Error('Demo world seeding stopped'), { name: 'AbortError' });
export const isRunStopped = (err: unknown) => (err as Error | null)?.name === 'AbortError';

/** What the seeding steps share: people by e-mail, organisations and listings by their world keys. */
export interface WorldIds {
  now: Date;
  /** What earlier (interrupted) runs finished: deal key → steps done, event key → done. */
  progress: { deals?: Record<string, number>; events?: Record<string, boolean> };
  /** Between two steps: stops the run when its signal is aborted, and tells a test which step is done. */
  checkpoint(step: string): void;
  /** Organisation key → id. */
  orgs: Map<string, string>;
  /** Listing key → type and id. */
  listings: Map<string, { type: 'offer' | 'demand'; id: string; orgKey: string }>;
  person(email: string): Promise<AuthUser>;
  /** The owner (first member) of an organisation, by key. */
  ownerOf(orgKey: string): Promise<AuthUser>;
}

export function worldIds(
  ctx: AppContext,
  now: Date,
  owners: Map<string, string>,
  run: Pick<WorldIds, 'progress' | 'checkpoint'>,
): WorldIds {
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
    ...run,
    orgs: new Map(),
    listings: new Map(),
    person,
    ownerOf: (orgKey) => person(owners.get(orgKey) ?? `missing:${orgKey}`),
  };
}
