import { renderValidationMessage } from '@techbridge/shared';
import { useCallback, useState } from 'react';
import { useLang } from '../lib/useLang';
import type { FieldKeys } from './validate';

interface ErrorState {
  /** From the shared schemas: keys, rendered at display time in the UI language. */
  keys: FieldKeys;
  /** From the server: already rendered in the request language. */
  texts: Record<string, string>;
}

const empty: ErrorState = { keys: {}, texts: {} };

/** Per-field error messages for a form, from client-side validation or the server. */
export function useFieldErrors() {
  const lang = useLang();
  const [state, setState] = useState<ErrorState>(empty);

  const messageFor = useCallback(
    (path: string): string | undefined => {
      const key = state.keys[path];
      return key ? renderValidationMessage(key, lang) : state.texts[path];
    },
    [state, lang],
  );

  const setClientErrors = useCallback((keys: FieldKeys) => setState({ keys, texts: {} }), []);
  const setServerErrors = useCallback((texts: Record<string, string>) => setState({ keys: {}, texts }), []);
  const reset = useCallback(() => setState(empty), []);

  /** Clears one field's message once the user edits it. */
  const clear = useCallback((path: string) => {
    setState((prev) => {
      if (!(path in prev.keys) && !(path in prev.texts)) return prev;
      const { [path]: _k, ...keys } = prev.keys;
      const { [path]: _t, ...texts } = prev.texts;
      return { keys, texts };
    });
  }, []);

  const paths = [...Object.keys(state.keys), ...Object.keys(state.texts)];

  return { messageFor, setClientErrors, setServerErrors, reset, clear, hasErrors: paths.length > 0 };
}
