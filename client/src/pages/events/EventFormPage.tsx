import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sectors } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { isApiError } from '../../api/errors';
import { createEvent } from '../../api/events';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Card, ChoiceGroup, Field, Input, ProvincePicker, Select, Textarea } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { codeOptions } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { canOrganize } from './EventsPage';
import { type EventFormValues, emptyEventForm, eventFieldOrder, toEventInput } from './eventForm';

/** /events/new: an agency, an intermediary or an administrator drafts an event. */
export function EventFormPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('events.form.title'));
  const { user, organization } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<EventFormValues>(emptyEventForm);
  const errors = useFieldErrors();
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    errors.clear(key);
  };
  const mutation = useMutation({
    mutationFn: createEvent,
    onSuccess: ({ data }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.eventsAll });
      navigate(`/events/${data.id}/console`);
    },
    onError: (err) => {
      if (isApiError(err) && err.hasFieldErrors) {
        errors.setServerErrors(err.fields);
        focusFirstError(eventFieldOrder, Object.keys(err.fields));
      }
      setFailure(describeApiError(err, t, { forbidden: t('events.form.forbidden') }));
    },
  });

  if (!canOrganize(user?.role, organization?.type)) return <Navigate to="/events" replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const result = toEventInput(values);
    if (!result.ok) {
      errors.setClientErrors(result.errors);
      focusFirstError(eventFieldOrder, Object.keys(result.errors));
      return;
    }
    mutation.mutate(result.data);
  }

  const text = (name: 'title' | 'venue' | 'address' | 'onlineUrl', label: string, error = name as string) => (
    <Field name={error} label={label} error={errors.messageFor(error)}>
      {(props) => <Input {...props} value={values[name]} onChange={(e) => set(name, e.target.value)} />}
    </Field>
  );
  const when = (name: 'startsAt' | 'endsAt' | 'registrationClosesAt', label: string) => (
    <Field name={name} label={label} hint={t('events.form.venueTime')} error={errors.messageFor(name)} required>
      {(props) => (
        <Input {...props} type="datetime-local" value={values[name]} onChange={(e) => set(name, e.target.value)} />
      )}
    </Field>
  );

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('events.form.title')}</h1>
          <p className="page-header__subtitle">{t('events.form.lead')}</p>
        </div>
      </header>
      <Card as="section">
        <form className="form" onSubmit={submit} noValidate>
          {text('title', t('events.form.name'))}
          <Field name="kind" label={t('events.form.kind')}>
            {(props) => (
              <Select
                {...props}
                value={values.kind}
                onChange={(e) => set('kind', e.target.value as EventFormValues['kind'])}
                options={[
                  { value: 'brokerage', label: t('events.kinds.brokerage') },
                  { value: 'techmart', label: t('events.kinds.techmart') },
                ]}
              />
            )}
          </Field>
          <Field name="description" label={t('events.form.description')} error={errors.messageFor('description')}>
            {(props) => (
              <Textarea {...props} value={values.description} onChange={(e) => set('description', e.target.value)} />
            )}
          </Field>
          <div className="form__row">
            {when('startsAt', t('events.form.startsAt'))}
            {when('endsAt', t('events.form.endsAt'))}
          </div>
          {when('registrationClosesAt', t('events.form.registrationClosesAt'))}
          {text('venue', t('events.form.venue'), 'location')}
          <div className="form__row">
            {text('address', t('events.form.address'))}
            <Field name="province" label={t('events.form.province')} error={errors.messageFor('province')}>
              {(props) => (
                <ProvincePicker
                  {...props}
                  value={values.province}
                  onChange={(code) => set('province', code)}
                  emptyLabel={t('events.form.noProvince')}
                />
              )}
            </Field>
          </div>
          <label className="event-check">
            <input type="checkbox" checked={values.online} onChange={(e) => set('online', e.target.checked)} />
            <span>{t('events.form.online')}</span>
          </label>
          {values.online && text('onlineUrl', t('events.form.onlineUrl'), 'online.url')}
          <ChoiceGroup
            name="sectors"
            legend={t('events.form.sectors')}
            options={codeOptions(sectors, lang)}
            value={values.sectors}
            onChange={(next) => set('sectors', next)}
            max={5}
            columns={2}
            error={errors.messageFor('sectors')}
          />
          <div className="form__row">
            <Field name="slotMinutes" label={t('events.form.slotMinutes')} error={errors.messageFor('slotMinutes')}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  min={10}
                  max={60}
                  value={values.slotMinutes}
                  onChange={(e) => set('slotMinutes', e.target.value)}
                />
              )}
            </Field>
            <Field name="tables" label={t('events.form.tables')} error={errors.messageFor('tables')}>
              {(props) => (
                <Input
                  {...props}
                  type="number"
                  min={1}
                  max={200}
                  value={values.tables}
                  onChange={(e) => set('tables', e.target.value)}
                />
              )}
            </Field>
          </div>
          <fieldset className="form__section event-breaks">
            <legend className="form__legend">{t('events.form.breaks')}</legend>
            {values.breaks.map((b, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place.
              <div className="form__row" key={i}>
                {(['start', 'end'] as const).map((side) => (
                  <Field
                    key={side}
                    name={`breaks.${i}.${side}`}
                    label={t(side === 'start' ? 'events.form.breakStart' : 'events.form.breakEnd', { n: i + 1 })}
                    error={errors.messageFor(`breaks.${i}.${side}`)}
                  >
                    {(props) => (
                      <Input
                        {...props}
                        type="datetime-local"
                        value={b[side]}
                        onChange={(e) =>
                          set(
                            'breaks',
                            values.breaks.map((x, j) => (j === i ? { ...x, [side]: e.target.value } : x)),
                          )
                        }
                      />
                    )}
                  </Field>
                ))}
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    set(
                      'breaks',
                      values.breaks.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('events.form.removeBreak', { n: i + 1 })}
                </Button>
              </div>
            ))}
            <Button
              variant="secondary"
              size="sm"
              onClick={() => set('breaks', [...values.breaks, { start: '', end: '' }])}
            >
              {t('events.form.addBreak')}
            </Button>
          </fieldset>
          {failure && <Alert tone="error">{failure}</Alert>}
          <div className="form__actions">
            <Button type="submit" loading={mutation.isPending}>
              {t('events.form.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
