import type { UseQueryResult } from '@tanstack/react-query';
import type { MatchDto } from '@techbridge/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../forms/describeApiError';
import { LoadingBlock } from '../data/LoadingBlock';
import { QueryView } from '../data/QueryView';
import { Alert, EmptyState } from '../ui';
import { MatchCard } from './MatchCard';
import { useMatchActions } from './useMatchActions';

export interface MatchListProps {
  query: UseQueryResult<{ data: MatchDto[] }>;
  empty: ReactNode;
  showOwn?: boolean;
}

/** Matches with loading, error and empty states; actions run one at a time. */
export function MatchList({ query, empty, showOwn }: MatchListProps) {
  const { t } = useTranslation();
  const action = useMatchActions();

  return (
    <QueryView
      query={query}
      errorTitle={t('matches.loadFailed')}
      loading={<LoadingBlock className="match-list" />}
      empty={empty ?? null}
    >
      {({ data }) => (
        <>
          {action.isError && <Alert tone="error">{describeApiError(action.error, t)}</Alert>}
          <ul className="match-list">
            {data.map((match) => (
              <li key={match.id}>
                <MatchCard
                  match={match}
                  showOwn={showOwn}
                  busy={action.isPending && action.variables?.id === match.id ? action.variables.action : null}
                  disabled={action.isPending}
                  onAction={(kind) => action.mutate({ id: match.id, action: kind })}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </QueryView>
  );
}

export function NoMatches({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <EmptyState icon="search" title={t('matches.empty')}>
      {children ?? <p>{t('matches.emptyBody')}</p>}
    </EmptyState>
  );
}
