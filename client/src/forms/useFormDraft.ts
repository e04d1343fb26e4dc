import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, readDraft, sameValues, writeDraft } from './formDraft';

export interface FormDraftOptions<V extends object> {
  /** The storage key (draftKey(userId, scope)); null keeps nothing (no signed-in user). */
  storageKey: string | null;
  values: V;
  setValues: (values: V) => void;
  /** What the form holds when nothing was typed: the empty form, or the listing as stored. */
  pristine: V;
}

/**
 * Keeps what is typed into a form in this browser until it is saved: restored
 * on the next visit (with `restoredAt` for a notice), dropped by `discard`,
 * and removed once the values match what is stored again or `clear` is called.
 */
export function useFormDraft<V extends object>({ storageKey, values, setValues, pristine }: FormDraftOptions<V>) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const initialValues = useRef(values);
  const latest = useRef({ setValues, pristine, values });
  latest.current = { setValues, pristine, values };

  // Once per record: bring back what was typed last time.
  useEffect(() => {
    if (!storageKey) return;
    const stored = readDraft(storageKey, latest.current.pristine);
    if (!stored) return;
    if (sameValues(stored.values, latest.current.pristine)) {
      clearDraft(storageKey);
      return;
    }
    latest.current.setValues(stored.values);
    setRestoredAt(stored.savedAt);
  }, [storageKey]);

  // Every change is kept at once (a few kilobytes): nothing is lost to a crash, a reload or an expired session.
  useEffect(() => {
    if (!storageKey || values === initialValues.current) return;
    if (sameValues(values, pristine)) clearDraft(storageKey);
    else writeDraft(storageKey, values);
  }, [storageKey, values, pristine]);

  const discard = useCallback(() => {
    if (storageKey) clearDraft(storageKey);
    initialValues.current = latest.current.pristine;
    latest.current.setValues(latest.current.pristine);
    setRestoredAt(null);
  }, [storageKey]);

  /** After a successful save: nothing is left to restore. */
  const clear = useCallback(() => {
    if (storageKey) clearDraft(storageKey);
    // What was just saved is not kept again until it is changed.
    initialValues.current = latest.current.values;
    setRestoredAt(null);
  }, [storageKey]);

  return { restoredAt, discard, clear, dismissNotice: () => setRestoredAt(null) };
}
