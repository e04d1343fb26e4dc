import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui';
import type { SuspendSubject } from '../SuspendDialog';
import { statusActionsFor } from './accounts';

/** What a row needs to suspend (through the dialog) or reactivate (at once) its account. */
export interface RowActionsProps {
  onSuspend: (target: SuspendSubject) => void;
  reactivate: { isPending: boolean; variables?: SuspendSubject; mutate: (target: SuspendSubject) => void };
}

/** Suspend / reactivate buttons for one account; both while its status is unknown. */
export function AccountStatusActions({
  target,
  suspended,
  onSuspend,
  reactivate,
}: RowActionsProps & { target: SuspendSubject; suspended: boolean | null }) {
  const { t } = useTranslation();
  const busy = reactivate.isPending && reactivate.variables?.id === target.id;
  const offered = statusActionsFor(suspended);
  return (
    <div className="row-actions">
      {offered.suspend && (
        // Neutral in the row: the destructive styling belongs to the confirm dialog.
        <Button
          size="sm"
          variant="ghost"
          disabled={reactivate.isPending}
          aria-label={t('admin.accounts.suspendNamed', { name: target.name })}
          onClick={() => onSuspend(target)}
        >
          {t('admin.accounts.suspend')}
        </Button>
      )}
      {offered.reactivate && (
        <Button
          size="sm"
          variant="secondary"
          loading={busy}
          disabled={reactivate.isPending}
          aria-label={t('admin.accounts.reactivateNamed', { name: target.name })}
          onClick={() => reactivate.mutate(target)}
        >
          {t('admin.accounts.reactivate')}
        </Button>
      )}
    </div>
  );
}
