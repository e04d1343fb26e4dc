import type { DemandInput, DemandUpdate, ListingDto, ListingType, OfferInput, OfferUpdate } from '@techbridge/shared';
import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { useAuth } from '../../auth/useAuth';
import { focusFirstError } from '../../forms/focusFirstError';
import { draftKey } from '../../forms/formDraft';
import type { FormApi } from '../../forms/formTools';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { useFormDraft } from '../../forms/useFormDraft';
import { useFormValues } from '../../forms/useFormValues';
import type { ValidationResult } from '../../forms/validate';
import { submitIntent } from './FormActions';
import { type SubmitBody, type SubmitIntent, useListingSubmit } from './useListingSubmit';

export interface ListingFormConfig<V, I extends OfferInput | DemandInput, U extends OfferUpdate | DemandUpdate> {
  type: ListingType;
  listing: ListingDto | undefined;
  initial: () => V;
  valuesFrom: (listing: ListingDto) => V;
  order: readonly string[];
  validateNew: (values: V) => ValidationResult<I>;
  validateChanges: (values: V, baseline: V) => ValidationResult<U>;
  serverErrors: (fields: Record<string, string>) => Record<string, string>;
}

/** State, validation and submission shared by the offer and demand forms. */
export function useListingForm<
  V extends object,
  I extends OfferInput | DemandInput,
  U extends OfferUpdate | DemandUpdate,
>(config: ListingFormConfig<V, I, U>) {
  const { listing } = config;
  const [baseline, setBaseline] = useState<V>(config.initial);
  const { values, set, setValues } = useFormValues<V>(config.initial);
  const { user } = useAuth();
  // What is typed is kept in this browser (per user and listing) until it is saved.
  const draft = useFormDraft({
    storageKey: user ? draftKey(user.id, `${config.type}:${listing?.id ?? 'new'}`) : null,
    values,
    setValues,
    pristine: baseline,
  });
  const errors = useFieldErrors();
  const [intent, setIntent] = useState<SubmitIntent | null>(null);
  const [saved, setSaved] = useState(false);
  // Focus moves to the first error once the errors are on screen: a field in a
  // collapsed section (the translation) is rendered only then.
  const [focusRequest, setFocusRequest] = useState<readonly string[] | null>(null);
  const { order } = config;
  useEffect(() => {
    if (!focusRequest) return;
    focusFirstError(order, focusRequest);
    setFocusRequest(null);
  }, [focusRequest, order]);

  const { mutation, errorText } = useListingSubmit(config.type, listing, {
    onStored: () => draft.clear(),
    onSaved: (result) => {
      if (result) setBaseline(config.valuesFrom(result.data));
      else setBaseline(values);
      setSaved(true);
    },
    onFieldErrors: (fields) => {
      const mapped = config.serverErrors(fields);
      errors.setServerErrors(mapped);
      setFocusRequest(Object.keys(mapped));
    },
  });

  const form: FormApi<V> = {
    values,
    set: (key, value) => {
      set(key, value);
      errors.clear(key);
      setSaved(false);
    },
    error: (key) => errors.messageFor(key),
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = submitIntent(event);
    mutation.reset();
    setSaved(false);
    const fail = (found: Record<string, string>) => {
      errors.setClientErrors(found);
      setFocusRequest(Object.keys(found));
    };
    let body: SubmitBody;
    if (listing) {
      const result = config.validateChanges(values, baseline);
      if (!result.ok) return fail(result.errors);
      body = { kind: 'update', patch: result.data };
    } else {
      const result = config.validateNew(values);
      if (!result.ok) return fail(result.errors);
      body = { kind: 'create', input: result.data };
    }
    errors.reset();
    setIntent(chosen);
    mutation.mutate({ body, intent: chosen }, { onSettled: () => setIntent(null) });
  }

  return {
    form,
    onSubmit,
    onKeyDown: preventImplicitSubmit,
    draft,
    pending: mutation.isPending ? intent : null,
    errorText,
    formError: errors.messageFor('_form'),
    saved,
  };
}

/**
 * Enter in a one-line box of a long form does not send it (the browser's
 * "implicit submission"): only the buttons save. Text areas, buttons and
 * fields with their own Enter (list rows, tags, pickers) are left alone.
 */
export function preventImplicitSubmit(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && !['submit', 'button', 'reset', 'image'].includes(target.type)) {
    event.preventDefault();
  }
}
