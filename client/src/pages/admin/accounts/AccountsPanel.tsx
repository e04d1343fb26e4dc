import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSuspended } from '../../../api/admin';
import { useToast } from '../../../components/toast/useToast';
import { Alert } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { SuspendDialog, type SuspendSubject } from '../SuspendDialog';
import { accountChangeKeys } from './accounts';
import { OrganizationsSection } from './OrganizationsSection';
import { UsersSection } from './UsersSection';

/** Users and organisations with their status; suspend (after confirming, with an optional reason) or reactivate. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState<SuspendSubject | null>(null);
  const toast = useToast();

  const reactivate = useMutation({
    mutationFn: (target: SuspendSubject) => setSuspended(target.kind, target.id, false),
    onSuccess: (_res, target) => changed(t('admin.accounts.reactivated', { name: target.name })),
  });

  function changed(message: string) {
    // A toast: the row acted on may be far down the tables.
    toast.show({ title: message, tone: 'success' });
    // The organisation's listings come back to (or leave) search.
    for (const key of accountChangeKeys) void queryClient.invalidateQueries({ queryKey: key });
  }

  function start(target: SuspendSubject) {
    reactivate.reset();
    setSubject(target);
  }

  const actions = { onSuspend: start, reactivate };

  return (
    <>
      {reactivate.isError && (
        <Alert tone="error">{describeApiError(reactivate.error, t, { notFound: t('admin.accounts.notFound') })}</Alert>
      )}
      <UsersSection {...actions} />
      <OrganizationsSection {...actions} />
      <SuspendDialog
        subject={subject}
        onClose={() => setSubject(null)}
        onSuspended={(target) => {
          setSubject(null);
          changed(t('admin.accounts.suspended', { name: target.name }));
        }}
      />
    </>
  );
}
