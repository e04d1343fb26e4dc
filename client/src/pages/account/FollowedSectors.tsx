import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { labelOf, sectors } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { followSector, getFollows, unfollowSector } from '../../api/subscriptions';
import { LoadingBlock } from '../../components/data/LoadingBlock';
import { QueryView } from '../../components/data/QueryView';
import { Alert, Button, Card, CardHeader, Field, Select } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { codeOptions } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';

/** "Lĩnh vực theo dõi": sectors whose new listings I am notified about. */
export function FollowedSectors() {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState('');
  const query = useQuery({ queryKey: queryKeys.follows, queryFn: ({ signal }) => getFollows(signal) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.follows });
  const follow = useMutation({
    mutationFn: followSector,
    onSuccess: () => {
      setChosen('');
      refresh();
    },
  });
  const unfollow = useMutation({ mutationFn: unfollowSector, onSuccess: refresh });
  const followed = new Set(query.data?.data.map((f) => f.sector) ?? []);
  const options = codeOptions(sectors, lang).filter((o) => !followed.has(o.value));
  const error = follow.error ?? unfollow.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) follow.mutate(chosen);
  }

  return (
    <Card as="section" aria-labelledby="follows-title">
      <CardHeader id="follows-title" title={t('follows.title')} />
      <p className="muted">{t('follows.lead')}</p>
      {error && <Alert tone="error">{describeApiError(error, t)}</Alert>}
      <QueryView query={query} errorTitle={t('follows.loadFailed')} loading={<LoadingBlock blocks={1} />}>
        {({ data }) => (
          <>
            {data.length === 0 ? (
              <p>{t('follows.empty')}</p>
            ) : (
              <ul className="chips follow-list" aria-label={t('follows.listLabel')}>
                {data.map(({ sector }) => {
                  const label = labelOf(sectors, sector, lang);
                  return (
                    <li key={sector} className="tag-input__tag">
                      {label}
                      <button
                        type="button"
                        className="tag-input__remove"
                        disabled={unfollow.isPending}
                        aria-label={t('follows.unfollowNamed', { sector: label })}
                        onClick={() => unfollow.mutate(sector)}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            <form className="follow-form" onSubmit={submit}>
              <Field name="followSector" label={t('follows.add')}>
                {(props) => (
                  <Select
                    {...props}
                    value={chosen}
                    placeholder={t('follows.choose')}
                    options={options}
                    onChange={(e) => setChosen(e.target.value)}
                  />
                )}
              </Field>
              <Button type="submit" variant="secondary" disabled={!chosen} loading={follow.isPending}>
                {t('follows.submit')}
              </Button>
            </form>
          </>
        )}
      </QueryView>
    </Card>
  );
}
