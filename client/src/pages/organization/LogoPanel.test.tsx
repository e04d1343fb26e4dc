import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { normalizeProfile } from '../../api/organizations';
import { profileDto } from '../../test/discoveryFixtures';
import { stubFetch } from '../../test/fetchStub';
import { renderWithProviders, signedIn } from '../../test/render';
import { hasUploadedLogo, LogoPanel } from './LogoPanel';

let restore = () => {};
afterEach(() => restore());

describe('LogoPanel', () => {
  it('knows an uploaded logo from the generated one by the completeness hint', () => {
    expect(hasUploadedLogo(normalizeProfile(profileDto({ completeness: { percent: 80, missing: [] } })))).toBe(true);
    expect(hasUploadedLogo(normalizeProfile(profileDto({ completeness: { percent: 80, missing: ['logo'] } })))).toBe(
      false,
    );
    expect(hasUploadedLogo(normalizeProfile(profileDto({ logoUrl: '' })))).toBe(false);
  });

  it('removes the logo (DELETE /api/organizations/me/logo) and shows the initials', async () => {
    const stub = stubFetch(() => ({ status: 204 }));
    restore = stub.restore;
    const profile = normalizeProfile(profileDto({ completeness: { percent: 100, missing: [] } }));
    const { container } = renderWithProviders(<LogoPanel profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    expect(container.querySelector('img.org-logo')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Xóa logo' }));
    expect(await screen.findByText('Đã xóa logo.')).toBeTruthy();
    expect(stub.calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/organizations/me/logo');
    await waitFor(() => expect(container.querySelector('.org-logo--initials')?.textContent).toBe('VI'));
    expect(screen.queryByRole('button', { name: 'Xóa logo' })).toBeNull();
  });

  it('offers pictures only, and refuses another type before uploading', async () => {
    const stub = stubFetch(() => ({ status: 200 }));
    restore = stub.restore;
    const profile = normalizeProfile(profileDto({ completeness: { percent: 80, missing: ['logo'] } }));
    renderWithProviders(<LogoPanel profile={profile} />, { auth: signedIn({ id: 'org1' }) });
    const input = document.getElementById('org-logo-file') as HTMLInputElement;
    expect(input.accept).toBe('.png,.jpg,.jpeg,.webp');
    const pdf = new File(['%PDF'], 'ho-so.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });
    expect(await screen.findByText('Logo phải là ảnh PNG, JPEG hoặc WebP.')).toBeTruthy();
    expect(stub.calls).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Xóa logo' })).toBeNull();
  });
});
