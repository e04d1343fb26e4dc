import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { getAdminOrganizations, getAdminUsers } from '../../../api/admin';
import { renderWithProviders } from '../../../test/render';
import { matchOrganizations, PartyPicker } from './PartyPicker';

jest.mock('../../../api/admin', () => ({
  ...jest.requireActual<typeof import('../../../api/admin')>('../../../api/admin'),
  getAdminUsers: jest.fn(),
  getAdminOrganizations: jest.fn(),
}));
const users = getAdminUsers as jest.MockedFunction<typeof getAdminUsers>;
const orgs = getAdminOrganizations as jest.MockedFunction<typeof getAdminOrganizations>;
const orgId = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const userId = 'bbbbbbbbbbbbbbbbbbbbbbbb';

function Harness() {
  const [value, setValue] = useState('');
  return (
    <>
      <label htmlFor="t">Đối tượng</label>
      <PartyPicker control={{ id: 't', name: 'target' }} value={value} onChange={setValue} withOrganizations />
      <span data-testid="id">{value}</span>
    </>
  );
}

describe('audit filters choose people and organisations by name', () => {
  it('finds organisations by name without diacritics', () => {
    const list = [
      { id: '1', name: 'Viện Nghiên cứu Nuôi trồng Thủy sản II' },
      { id: '2', name: 'Công ty Gạch Đồng Nai' },
    ];
    expect(matchOrganizations(list, 'thuy san').map((o) => o.id)).toEqual(['1']);
    expect(matchOrganizations(list, 'dong nai').map((o) => o.id)).toEqual(['2']);
  });

  it('offers users (by the admin search) and organisations, and keeps the chosen one by id', async () => {
    users.mockResolvedValue({
      data: [
        {
          id: userId,
          email: 'vien@demo.vn',
          name: 'Nguyễn Văn Viện',
          role: 'user',
          status: 'active',
          organizationId: orgId,
        },
      ],
    });
    orgs.mockResolvedValue({
      data: [
        {
          id: orgId,
          name: 'Viện Thủy sản',
          type: 'institute',
          province: 'CTO',
          verified: true,
          createdAt: '',
          status: 'active',
        },
      ],
    } as never);
    renderWithProviders(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Đối tượng' });
    fireEvent.change(box, { target: { value: 'vien' } });
    const option = await screen.findByRole('option', { name: /Nguyễn Văn Viện/ });
    await screen.findByRole('option', { name: /Viện Thủy sản/ });
    expect(users).toHaveBeenCalledWith('vien', expect.anything());
    fireEvent.mouseDown(option);
    expect(screen.getByTestId('id').textContent).toBe(userId);
    await waitFor(() => expect((box as HTMLInputElement).value).toBe('Nguyễn Văn Viện'));
  });

  it('still accepts a pasted id', () => {
    orgs.mockResolvedValue({ data: [] });
    renderWithProviders(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Đối tượng' });
    fireEvent.change(box, { target: { value: orgId.toUpperCase() } });
    fireEvent.blur(box);
    expect(screen.getByTestId('id').textContent).toBe(orgId);
  });
});
