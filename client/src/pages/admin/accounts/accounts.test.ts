import { describe, expect, it } from '@jest/globals';
import type { AdminUserDto } from '../../../api/admin';
import { withParams } from '../../../lib/searchParams';
import { filterOrganizations, shortOrganizationType, statusActionsFor, userSubject } from './accounts';

describe('accounts panel', () => {
  const orgs = [
    { name: 'Viện Thủy sản Miền Tây' },
    { name: 'Công ty Cổ phần Nông nghiệp' },
    { name: 'Đại học Cần Thơ' },
  ];

  it('filters organisations by name, accents and case optional', () => {
    expect(filterOrganizations(orgs, 'vien thuy').map((o) => o.name)).toEqual(['Viện Thủy sản Miền Tây']);
    expect(filterOrganizations(orgs, 'ĐẠI HỌC').map((o) => o.name)).toEqual(['Đại học Cần Thơ']);
    expect(filterOrganizations(orgs, 'dai hoc')).toHaveLength(1);
    expect(filterOrganizations(orgs, '   ')).toEqual(orgs);
    expect(filterOrganizations(orgs, 'xyz')).toEqual([]);
  });

  it('offers suspend and reactivate according to the known status', () => {
    expect(statusActionsFor(false)).toEqual({ suspend: true, reactivate: false });
    expect(statusActionsFor(true)).toEqual({ suspend: false, reactivate: true });
    expect(statusActionsFor(null)).toEqual({ suspend: true, reactivate: true });
  });

  it('shows a user’s e-mail in the suspension confirmation', () => {
    const user: AdminUserDto = {
      id: 'u1',
      email: 'ha@example.vn',
      name: 'Lê Thu Hà',
      role: 'user',
      status: 'active',
      organizationId: null,
    };
    expect(userSubject(user)).toEqual({ kind: 'users', id: 'u1', name: 'Lê Thu Hà', email: 'ha@example.vn' });
  });

  it('shortens an organisation type to its label without the bracketed gloss', () => {
    expect(shortOrganizationType('intermediary', 'vi')).toBe('Tổ chức trung gian');
    expect(shortOrganizationType('agency', 'en')).toBe('Public agency');
    expect(shortOrganizationType('university', 'vi')).toBe('Trường đại học');
  });
});

describe('withParams', () => {
  it('sets non-empty values, removes empty ones and keeps the rest', () => {
    const prev = new URLSearchParams('tab=accounts&q=old&status=rejected');
    const next = withParams(prev, { q: 'tâm', status: '', page: undefined, extra: null });
    expect(next.toString()).toBe('tab=accounts&q=t%C3%A2m');
    expect(prev.get('q')).toBe('old');
  });
});
