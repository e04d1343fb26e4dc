import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import i18n from '../../i18n';
import { renderWithProviders, signedIn } from '../../test/render';
import { ProfileCard } from './ProfileCard';

describe('the account card', () => {
  it('shows the language in use after switching, not the one chosen at registration', async () => {
    const { user } = signedIn({ id: 'org1' });
    if (!user) throw new Error('no user');
    renderWithProviders(<ProfileCard user={user} />);
    expect(screen.getByText('Tiếng Việt')).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    try {
      expect(screen.getByText('English')).toBeTruthy();
      expect(screen.queryByText('Tiếng Việt')).toBeNull();
      expect(screen.getByText(/e-mails in/)).toBeTruthy();
    } finally {
      await act(async () => {
        await i18n.changeLanguage('vi');
      });
    }
  });
});
