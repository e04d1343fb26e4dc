import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type Toast, ToastContext, type ToastContextValue, type ToastInput } from './context';
import { ToastViewport } from './ToastViewport';

/** At most this many at once: the oldest makes way (they stay in the bell). */
export const MAX_TOASTS = 3;

/** Holds the visible toasts; they are shown by <ToastViewport>, a polite live region. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback((input: ToastInput) => {
    counter.current += 1;
    const toast: Toast = { ...input, id: `toast-${counter.current}`, createdAt: Date.now() };
    setToasts((list) => {
      // The same event told twice (a match and its notification): the first toast stays.
      if (input.key && list.some((other) => other.key === input.key)) return list;
      // Newest on top.
      return [toast, ...list].slice(0, MAX_TOASTS);
    });
  }, []);

  const dismissAll = useCallback(() => setToasts([]), []);

  const value = useMemo<ToastContextValue>(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <ToastViewport toasts={toasts} onDismiss={dismiss} onDismissAll={dismissAll} />
    </ToastContext.Provider>
  );
}
