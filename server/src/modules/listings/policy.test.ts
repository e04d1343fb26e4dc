import type { AuthUser } from '../../platform/principal';
import { canReadListing, listingPolicies } from './policy';

const user = (org: string | null, role: 'user' | 'admin' = 'user'): AuthUser => ({
  id: 'u',
  email: 'e',
  name: 'n',
  role,
  organizationId: org,
  orgRole: org ? 'member' : null,
});
const listing = (status: string, org = 'org1') => ({ organizationId: org, status, deletedAt: null });

describe('listing policies', () => {
  it('lets anyone read a published listing, and only the owner or an admin read the rest', () => {
    for (const status of ['draft', 'pending_review', 'rejected', 'archived']) {
      expect(canReadListing(null, listing(status))).toBe(false);
      expect(canReadListing(user('org2'), listing(status))).toBe(false);
      expect(canReadListing(user('org1'), listing(status))).toBe(true);
      expect(canReadListing(user(null, 'admin'), listing(status))).toBe(true);
    }
    expect(canReadListing(null, listing('published'))).toBe(true);
    expect(canReadListing(user('org1'), { ...listing('published'), deletedAt: new Date() } as never)).toBe(false);
  });
  it('shows confidential details to the owner only — not to another organisation, not to an admin', () => {
    expect(listingPolicies(user('org1'), listing('published')).seeConfidential).toBe(true);
    expect(listingPolicies(user('org2'), listing('published')).seeConfidential).toBe(false);
    expect(listingPolicies(user(null, 'admin'), listing('published')).seeConfidential).toBe(false);
  });
  it('allows publishing from draft, rejected and archived; archiving from published and pending', () => {
    expect(listingPolicies(user('org1'), listing('draft')).publish).toBe(true);
    expect(listingPolicies(user('org1'), listing('published')).publish).toBe(false);
    expect(listingPolicies(user('org1'), listing('published')).archive).toBe(true);
    expect(listingPolicies(user('org2'), listing('draft')).publish).toBe(false);
    expect(listingPolicies(user(null, 'admin'), listing('pending_review')).moderate).toBe(true);
  });
});
