import type { UseQueryResult } from '@tanstack/react-query';
import type { MatchDto } from '@techbridge/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { describeApiError } from '../../forms/describeApiError';
import { LoadingBlock } from '../data/LoadingBlock';
import { QueryView } from '../data/QueryView';
import { IntroductionDialog } from '../deals/IntroductionDialog';
import { Alert, EmptyState } from '../ui';
import { matchCounterpart } from './counterpart';
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
  const { organization } = useAuth();
  // The match being contacted: the first contact asks for an introduction.
  const [writingTo, setWritingTo] = useState<MatchDto | null>(null);

  return (
    <QueryView
      query={query}
      errorTitle={t('matches.loadFailed')}
      loading={<LoadingBlock className="match-list" />}
      empty={empty ?? null}
    >
      {({ data }) => (
        <>
          {action.isError && !writingTo && <Alert tone="error">{describeApiError(action.error, t)}</Alert>}
          <IntroductionDialog
            open={!!writingTo}
            to={writingTo ? matchCounterpart(writingTo, organization?.id).other.organization.name : ''}
            pending={action.isPending}
            error={writingTo ? action.error : null}
            onCancel={() => setWritingTo(null)}
            onSubmit={(message) => writingTo && action.mutate({ id: writingTo.id, action: 'contact', message })}
          />
          <ul className="match-list">
            {data.map((match) => (
              <li key={match.id}>
                <MatchCard
                  match={match}
                  showOwn={showOwn}
                  busy={action.isPending && action.variables?.id === match.id ? action.variables.action : null}
                  disabled={action.isPending}
                  onAction={(kind) => {
                    if (kind === 'contact' && match.state !== 'contacted') {
                      action.reset();
                      setWritingTo(match);
                    } else action.mutate({ id: match.id, action: kind });
                  }}
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
