import type { UseQueryResult } from '@tanstack/react-query';
import type { MatchDto } from '@techbridge/shared';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import { describeApiError } from '../../forms/describeApiError';
import { LoadingBlock } from '../data/LoadingBlock';
import { QueryView } from '../data/QueryView';
import { IntroductionDialog } from '../deals/IntroductionDialog';
import { Alert, EmptyState } from '../ui';
import { matchCounterpart } from './counterpart';
import { DismissDialog, type DismissTarget } from './DismissDialog';
import { MatchCard } from './MatchCard';
import { useMatchActions } from './useMatchActions';

export interface MatchListProps {
  query: UseQueryResult<{ data: MatchDto[] }>;
  empty: ReactNode;
  showOwn?: boolean;
}

/**
 * Matches with loading, error and empty states; actions run one at a time.
 * "Không phù hợp" opens a dialog asking why; once sent, a confirmation takes
 * the focus (the card may leave a list that hides dismissed matches).
 */
export function MatchList({ query, empty, showOwn }: MatchListProps) {
  const { t } = useTranslation();
  const { organization } = useAuth();
  const action = useMatchActions();
  const [dismissing, setDismissing] = useState<DismissTarget | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  // The match being contacted: the first contact asks for an introduction.
  const [writingTo, setWritingTo] = useState<MatchDto | null>(null);

  useEffect(() => {
    if (confirmation) confirmationRef.current?.focus();
  }, [confirmation]);

  function openDismiss(match: MatchDto) {
    action.reset();
    setConfirmation(null);
    const { other } = matchCounterpart(match, organization?.id);
    setDismissing({
      id: match.id,
      title: other.title,
      feedback: match.feedback ? { reason: match.feedback.reason, note: match.feedback.note } : null,
    });
  }

  const dismissError = action.isError && action.variables?.action === 'dismiss' ? action.error : null;

  return (
    <>
      {confirmation && (
        <div className="match-list__confirmation" ref={confirmationRef} tabIndex={-1}>
          <Alert tone="success" live>
            {confirmation}
          </Alert>
        </div>
      )}
      <QueryView
        query={query}
        errorTitle={t('matches.loadFailed')}
        loading={<LoadingBlock className="match-list" />}
        empty={empty ?? null}
      >
        {({ data }) => (
          <>
            {action.isError && !dismissError && !writingTo && (
              <Alert tone="error">{describeApiError(action.error, t)}</Alert>
            )}
            {writingTo && (
              <IntroductionDialog
                open
                to={matchCounterpart(writingTo, organization?.id).other.organization.name}
                pending={action.isPending}
                error={action.error}
                onCancel={() => setWritingTo(null)}
                onSubmit={(message) => action.mutate({ id: writingTo.id, action: 'contact', message })}
              />
            )}
            <ul className="match-list">
              {data.map((match) => (
                <li key={match.id}>
                  <MatchCard
                    match={match}
                    showOwn={showOwn}
                    busy={action.isPending && action.variables?.id === match.id ? action.variables.action : null}
                    disabled={action.isPending}
                    onAction={(kind) => {
                      setConfirmation(null);
                      if (kind === 'dismiss') openDismiss(match);
                      else if (kind === 'contact' && match.state !== 'contacted') {
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
      <DismissDialog
        target={dismissing}
        pending={action.isPending && action.variables?.action === 'dismiss'}
        error={dismissError}
        onCancel={() => setDismissing(null)}
        onSubmit={(feedback) => {
          if (!dismissing) return;
          const target = dismissing;
          action.mutate(
            { id: target.id, action: 'dismiss', feedback },
            {
              onSuccess: () => {
                setDismissing(null);
                setConfirmation(
                  t('matches.dismiss.done', {
                    title: target.title,
                    reason: feedback.reason ? t(`matches.dismiss.reasons.${feedback.reason}`) : '',
                  }),
                );
              },
            },
          );
        }}
      />
    </>
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
