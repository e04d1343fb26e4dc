import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type Toast, ToastContext, type ToastContextValue, type ToastInput } from './context';
import { ToastViewport } from './ToastViewport';

const MAX_TOASTS = 4;

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
      return [...list, toast].slice(-MAX_TOASTS);
    });
  }, []);

  const value = useMemo<ToastContextValue>(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <ToastViewport toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}
