import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Toast } from './context';

const VISIBLE_MS = 7000;

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  const remaining = useRef(VISIBLE_MS);

  // Disappears after a while, but never while the pointer or keyboard focus is on it.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1500, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, onDismiss]);

  return (
    <li
      className={`toast toast--${toast.tone ?? 'info'}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <div className="toast__text">
        <p className="toast__title">{toast.title}</p>
        {toast.body && <p className="toast__body">{toast.body}</p>}
        {toast.href && (
          <Link className="toast__link" to={toast.href} onClick={() => onDismiss(toast.id)}>
            {t('toasts.open')}
          </Link>
        )}
      </div>
      <button type="button" className="toast__close" onClick={() => onDismiss(toast.id)}>
        <span className="visually-hidden">{t('toasts.dismiss', { title: toast.title })}</span>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
          <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </li>
  );
}

/** The toast stack: a polite live region, so new toasts are read out without moving focus. */
export function ToastViewport({
  toasts,
  onDismiss,
  onDismissAll,
}: {
  toasts: Toast[];
  onDismiss: (id: string) => void;
  onDismissAll?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className={`toasts${toasts.length > 1 ? ' toasts--stacked' : ''}`} aria-label={t('toasts.region')}>
      {toasts.length > 1 && onDismissAll && (
        <button type="button" className="toasts__clear" onClick={onDismissAll}>
          {t('toastStack.dismissAll', { count: toasts.length })}
        </button>
      )}
      <ol className="toasts__list" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </ol>
    </section>
  );
}
