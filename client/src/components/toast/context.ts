import { createContext } from 'react';

export interface ToastInput {
  title: string;
  body?: string;
  /** An in-app link for the toast ("open"). */
  href?: string;
  tone?: 'info' | 'success';
  /** A toast whose key is already shown is skipped (e.g. a match and its notification). */
  key?: string;
}

export interface Toast extends ToastInput {
  id: string;
  createdAt: number;
}

export interface ToastContextValue {
  show(toast: ToastInput): void;
  dismiss(id: string): void;
}

export const ToastContext = createContext<ToastContextValue | null>(null);
