import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { normalizeProfile } from '../../api/organizations';
import { queryKeys } from '../../api/queryKeys';
import { profileDto } from '../../test/discoveryFixtures';
import { type StubAnswer, stubFetch } from '../../test/fetchStub';
import { renderWithProviders, signedIn } from '../../test/render';
import { ProfileForm } from './ProfileForm';
import { profileInput, profileValuesFrom, validateProfile } from './profileForm';

let restore = () => {};
afterEach(() => restore());

function api(answer: (body: unknown) => StubAnswer) {
  const stub = stubFetch(({ method, body }) =>
    method === 'PATCH' ? answer(body) : { status: 200, body: { data: [] } },
  );
  restore = stub.restore;
  return stub;
}

const profile = normalizeProfile(profileDto());
const field = (label: string) => screen.getByLabelText(label, { exact: false }) as HTMLInputElement;

describe('profile form values', () => {
  it('sends every field, emptied ones as null, a contact with no box filled as null', () => {
    const values = { ...profileValuesFrom(profile), description: '  ', website: '', foundedYear: '1998', size: '' };
    const cleared = { ...values, 'contact.name': '', 'contact.title': '', 'contact.email': '', 'contact.phone': '' };
    expect(profileInput(cleared)).toEqual({
      description: null,
      foundedYear: 1998,
      size: null,
      sectors: ['aquaculture', 'biotech'],
      expertise: ['Nuôi tôm tuần hoàn', 'Di truyền chọn giống'],
      website: null,
      contact: null,
    });
    expect(profileInput({ ...values, 'contact.title': '', 'contact.phone': '' }).contact).toEqual({
      name: 'Trần Thị Mai',
      email: 'mai@ria2.example.vn',
    });
  });

  it('checks with the shared schema: a year in words, a javascript: site and a contact without a name', () => {
    const result = validateProfile({
      ...profileValuesFrom(profile),
      foundedYear: 'năm 98',
      website: 'javascript:alert(1)',
      'contact.name': '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['contact.name', 'foundedYear', 'website']);
    expect(result.errors['contact.name']).toBe('required');
  });
});

describe('ProfileForm', () => {
  it('saves with PATCH /api/organizations/me/profile and updates the cached profile', async () => {
    const stub = api((body) => ({ status: 200, body: { data: { ...profileDto(), ...(body as object) } } }));
    const { queryClient } = renderWithProviders(<ProfileForm profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    fireEvent.change(field('Giới thiệu'), {
      target: { value: 'Viện đầu ngành về giống thủy sản, 50 năm nghiên cứu và chuyển giao.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await screen.findByText('Đã lưu hồ sơ tổ chức.')).toBeTruthy();
    const patch = stub.calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe('/api/organizations/me/profile');
    expect((patch?.body as { description?: string } | undefined)?.description).toBe(
      'Viện đầu ngành về giống thủy sản, 50 năm nghiên cứu và chuyển giao.',
    );
    await waitFor(() =>
      expect(
        (queryClient.getQueryData(queryKeys.organization('org1')) as { data: { description: string } }).data
          .description,
      ).toMatch(/^Viện đầu ngành/),
    );
  });

  it('shows the schema’s message on the field and sends nothing', async () => {
    const stub = api(() => ({ status: 200, body: { data: profileDto() } }));
    renderWithProviders(<ProfileForm profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    fireEvent.change(field('Giới thiệu'), { target: { value: 'Ngắn quá' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));
    const description = field('Giới thiệu');
    await waitFor(() => expect(description.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(description);
    expect(stub.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('puts the server’s field errors on their inputs and keeps what was typed', async () => {
    api(() => ({
      status: 400,
      body: {
        error: {
          code: 'validation',
          message: 'Invalid input',
          fields: { 'contact.email': 'Email không hợp lệ (máy chủ)', 'expertise.1': 'Quá dài (máy chủ)' },
        },
      },
    }));
    renderWithProviders(<ProfileForm profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    fireEvent.change(field('Trang web'), { target: { value: 'https://moi.example.vn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await screen.findByText('Email không hợp lệ (máy chủ)')).toBeTruthy();
    expect(screen.getByText('Quá dài (máy chủ)')).toBeTruthy();
    const email = screen.getByRole('textbox', { name: /^Email/ });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Chuyên môn/ }));
    expect(field('Trang web').value).toBe('https://moi.example.vn');
  });

  it('says who may edit when the server refuses (403)', async () => {
    api(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Forbidden' } } }));
    renderWithProviders(<ProfileForm profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await screen.findByText('Chỉ chủ sở hữu hoặc quản trị viên của tổ chức mới sửa được hồ sơ.')).toBeTruthy();
  });
});
