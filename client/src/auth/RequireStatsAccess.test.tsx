import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithProviders, signedIn } from '../test/render';
import { RequireStatsAccess } from './RequireStatsAccess';

const routes = (
  <Routes>
    <Route element={<RequireStatsAccess />}>
      <Route path="/stats" element={<p>Bảng thống kê</p>} />
    </Route>
    <Route path="/app" element={<p>Bảng điều khiển</p>} />
  </Routes>
);

describe('/stats for who may not see it', () => {
  it('tells an institute why, with a link to its dashboard, instead of silently redirecting', () => {
    renderWithProviders(routes, { route: '/stats', auth: signedIn({ id: 'org1', type: 'institute' }) });
    expect(screen.queryByText('Bảng điều khiển')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Thống kê dành cho Sở KH&CN và quản trị viên');
    expect(screen.getByRole('link', { name: 'Về bảng điều khiển' }).getAttribute('href')).toBe('/app');
  });

  it('shows the statistics to a Department of S&T', () => {
    renderWithProviders(routes, { route: '/stats', auth: signedIn({ id: 'org1', type: 'agency' }) });
    expect(screen.getByText('Bảng thống kê')).toBeTruthy();
  });
});
