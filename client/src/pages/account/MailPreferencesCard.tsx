import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MailKind, type MailMode, mailKinds, mailModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { getMailPreferences, putMailPreferences } from '../../api/account';
import { queryKeys } from '../../api/queryKeys';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Card, CardHeader, SegmentedControl } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';

/** Per kind of notification: a mail at once, in the daily digest, or none. */
export function MailPreferencesCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.mailPreferences, queryFn: ({ signal }) => getMailPreferences(signal) });
  const save = useMutation({
    mutationFn: (change: Partial<Record<MailKind, MailMode>>) => putMailPreferences(change),
    onSuccess: (result) => queryClient.setQueryData(queryKeys.mailPreferences, result),
  });
  const options = mailModes.map((mode) => ({ value: mode, label: t(`mailPrefs.modes.${mode}`) }));

  return (
    <Card as="section" aria-labelledby="mail-preferences-title" id="mail-preferences">
      <CardHeader id="mail-preferences-title" level={3} title={t('mailPrefs.title')} />
      <p className="muted">{t('mailPrefs.lead')}</p>
      {save.isError && <Alert tone="error">{describeApiError(save.error, t)}</Alert>}
      <p className="visually-hidden" role="status">
        {save.isSuccess ? t('mailPrefs.saved') : ''}
      </p>
      <QueryView query={query} errorTitle={t('mailPrefs.loadFailed')} loading={<LoadingBlock blocks={1} />}>
        {({ data }) => (
          <ul className="plain-list mail-prefs">
            {mailKinds.map((kind) => (
              <li key={kind} className="mail-prefs__item">
                <span className="mail-prefs__kind" id={`mail-kind-${kind}`}>
                  {t(`mailPrefs.kinds.${kind}`)}
                </span>
                <SegmentedControl
                  legend={t(`mailPrefs.kinds.${kind}`)}
                  options={options}
                  value={data[kind]}
                  onChange={(mode) => save.mutate({ [kind]: mode })}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Card>
  );
}
