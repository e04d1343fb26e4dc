import { useMutation, useQuery } from '@tanstack/react-query';
import type { EventDto } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerForEvent } from '../../api/events';
import { getMyListings } from '../../api/listings';
import { queryKeys } from '../../api/queryKeys';
import { Alert, Button, Card, CardHeader, ChoiceGroup, Field, Input } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { fromLocalInput, toLocalInput } from './eventTime';
import { useRefreshEvent } from './useEvent';

/**
 * Registration: the organisation picks which of its published listings make
 * its booth, and may say when it can meet (else: the whole event).
 */
export function RegisterPanel({ event }: { event: EventDto }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvent(event.id);
  const listings = useQuery({
    queryKey: [...queryKeys.mineAll, 'published-for-booth'],
    queryFn: async ({ signal }) => {
      const [offers, demands] = await Promise.all([
        getMyListings('offer', 'published', signal),
        getMyListings('demand', 'published', signal),
      ]);
      return [...offers.data, ...demands.data];
    },
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [limited, setLimited] = useState(false);
  const [from, setFrom] = useState(toLocalInput(event.startsAt));
  const [to, setTo] = useState(toLocalInput(event.endsAt));
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      registerForEvent(event.id, {
        listingIds: chosen,
        ...(limited ? { availability: [{ start: fromLocalInput(from), end: fromLocalInput(to) }] } : {}),
      }),
    onSuccess: () => void refresh(),
    onError: (err) => setError(describeApiError(err, t, { forbidden: t('events.register.forbidden') })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    mutation.mutate();
  };
  return (
    <Card as="section" aria-labelledby="register-title" className="event-register">
      <CardHeader title={t('events.register.title')} id="register-title" />
      <form className="form" onSubmit={submit} noValidate>
        <ChoiceGroup
          name="listingIds"
          legend={t('events.register.booth')}
          hint={t('events.register.boothHint')}
          options={(listings.data ?? []).map((l) => ({ value: l.id, label: l.title }))}
          value={chosen}
          onChange={setChosen}
          max={10}
        />
        {listings.isSuccess && !listings.data.length && <p className="form__note">{t('events.register.noListings')}</p>}
        <label className="event-check">
          <input type="checkbox" checked={limited} onChange={(e) => setLimited(e.target.checked)} />
          <span>{t('events.register.limited')}</span>
        </label>
        {limited && (
          <div className="form__row">
            <Field name="availability.0.start" label={t('events.register.from')} hint={t('events.form.venueTime')}>
              {(props) => (
                <Input {...props} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
              )}
            </Field>
            <Field name="availability.0.end" label={t('events.register.to')}>
              {(props) => <Input {...props} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />}
            </Field>
          </div>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="form__actions">
          <Button type="submit" loading={mutation.isPending}>
            {t('events.register.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
