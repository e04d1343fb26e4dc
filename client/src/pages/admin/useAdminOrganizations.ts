import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getAdminOrganizations } from '../../api/admin';
import { queryKeys } from '../../api/queryKeys';

/** Every organisation (GET /api/admin/organizations), shared by the admin tabs, with a lookup by id. */
export function useAdminOrganizations() {
  const query = useQuery({
    queryKey: queryKeys.adminOrganizations,
    queryFn: ({ signal }) => getAdminOrganizations(signal),
  });
  const byId = useMemo(() => new Map((query.data?.data ?? []).map((org) => [org.id, org])), [query.data]);
  return { query, byId };
}
