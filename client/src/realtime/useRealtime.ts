import { useContext, useEffect, useRef } from 'react';
import { RealtimeContext, type RealtimeContextValue, type ServerEvent, type ServerHandler } from './context';

export function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}

/** Calls the latest `handler` for every `event` from the server while the component is mounted. */
export function useSocketEvent<E extends ServerEvent>(event: E, handler: ServerHandler<E>): void {
  const { subscribe } = useRealtime();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe(event, (payload) => latest.current(payload)), [subscribe, event]);
}
