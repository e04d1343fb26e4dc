import '../i18n';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { OrganizationDto, UserDto } from '@techbridge/shared';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AuthContext, type AuthContextValue } from '../auth/context';

/** A query client for tests: no retries (a failure shows at once), nothing collected while a test runs. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } } });
}

/** A signed-in member of `organization` (for components that read useAuth). */
export function signedIn(organization: Partial<OrganizationDto> & { id: string }): AuthContextValue {
  const noop = async () => {};
  return {
    status: 'authenticated',
    accessToken: 'token',
    user: {
      id: 'u1',
      email: 'u1@example.vn',
      name: 'Người dùng',
      role: 'user',
      orgRole: 'owner',
      organizationId: organization.id,
      locale: 'vi',
      createdAt: '2026-01-01T00:00:00.000Z',
      emailVerified: true,
      pendingEmail: null,
    } satisfies UserDto,
    organization: {
      name: 'Tổ chức',
      type: 'enterprise',
      province: 'HN',
      verified: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      ...organization,
    } satisfies OrganizationDto,
    login: noop,
    register: noop,
    logout: noop,
    reloadProfile: noop,
    adoptSession: noop,
  };
}

/**
 * Renders inside the app's providers that components expect: i18n (Vietnamese), a query client and a router;
 * with `auth`, also the signed-in user that useAuth returns.
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    route = '/',
    queryClient = testQueryClient(),
    auth,
  }: { route?: string; queryClient?: QueryClient; auth?: AuthContextValue } = {},
): RenderResult & { queryClient: QueryClient } {
  const routed = <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>;
  const result = render(
    <QueryClientProvider client={queryClient}>
      {auth ? <AuthContext.Provider value={auth}>{routed}</AuthContext.Provider> : routed}
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
