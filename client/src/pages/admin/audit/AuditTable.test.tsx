import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { AdminAuditEntryDto } from '../../../api/admin';
import i18n from '../../../i18n';
import { renderWithProviders } from '../../../test/render';
import { AuditTable } from './AuditTable';

const actorId = 'a'.repeat(24);
const offerId = 'b'.repeat(24);

const entries: AdminAuditEntryDto[] = [
  {
    id: 'e1',
    action: 'user.suspended',
    actor: { id: actorId, name: 'Quản trị viên' },
    organization: { id: 'org1', name: 'TechBridge' },
    at: '2026-01-05T08:00:00.000Z',
    ip: '127.0.0.1',
    version: null,
    details: { reason: 'Đăng tin trùng lặp' },
    targetType: 'offer',
    targetId: offerId,
    dealId: null,
  },
  {
    id: 'e2',
    action: 'custom.unknown',
    actor: null,
    organization: null,
    at: '2026-01-04T08:00:00.000Z',
    ip: null,
    version: null,
    details: {},
    targetType: 'user',
    targetId: 'c'.repeat(24),
    dealId: null,
  },
];

function renderTable(applied = {}) {
  const filterBy = jest.fn();
  renderWithProviders(
    <AuditTable
      entries={entries}
      applied={applied}
      filterBy={filterBy}
      knownActions={{ 'user.suspended': 'Tạm khóa người dùng' }}
    />,
  );
  return filterBy;
}

describe('<AuditTable>', () => {
  it('shows one row per entry, headed by the action label (or the raw code when unknown)', () => {
    renderTable();
    const table = screen.getByRole('table', { name: i18n.t('admin.audit.title') });
    expect(table.className).toBe('data-table audit-log');
    const headers = within(table).getAllByRole('rowheader');
    expect(headers.map((th) => th.textContent)).toEqual([
      'Tạm khóa người dùnguser.suspended',
      'custom.unknowncustom.unknown',
    ]);
  });

  it('links targets with a public page and lists the details with their labels', () => {
    renderTable();
    const row = screen.getByRole('rowheader', { name: /Tạm khóa người dùng/ }).closest('tr') as HTMLElement;
    const targetLabel = (i18n.t('admin.audit.targetTypes', { returnObjects: true }) as Record<string, string>).offer;
    expect(within(row).getByRole('link', { name: targetLabel }).getAttribute('href')).toBe(`/offers/${offerId}`);
    expect(within(row).getByRole('link', { name: 'TechBridge' }).getAttribute('href')).toBe('/organizations/org1');
    expect(within(row).getByText('Đăng tin trùng lặp')).toBeTruthy();
    expect(within(row).getByText('127.0.0.1')).toBeTruthy();
  });

  it('says "system" when there is no actor and "–" when there are no details', () => {
    renderTable();
    const row = screen.getByRole('rowheader', { name: /custom.unknown/ }).closest('tr') as HTMLElement;
    expect(within(row).getByText(i18n.t('admin.audit.system'))).toBeTruthy();
    expect(within(row).getByText('–')).toBeTruthy();
  });

  it('narrows the log to an actor or a target', () => {
    const filterBy = renderTable();
    fireEvent.click(
      screen.getByRole('button', { name: i18n.t('admin.audit.filterActorNamed', { name: 'Quản trị viên' }) }),
    );
    expect(filterBy).toHaveBeenCalledWith('actor', actorId);
  });

  it('offers no "only this one" button for the actor already filtered on', () => {
    renderTable({ actor: actorId });
    expect(
      screen.queryByRole('button', { name: i18n.t('admin.audit.filterActorNamed', { name: 'Quản trị viên' }) }),
    ).toBeNull();
    // The targets can still be narrowed.
    expect(screen.getAllByRole('button', { name: new RegExp(i18n.t('admin.audit.filterTarget')) }).length).toBe(2);
  });
});
