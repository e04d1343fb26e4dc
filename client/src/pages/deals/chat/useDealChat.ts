import { useQueryClient } from '@tanstack/react-query';
import type { MessageDto } from '@techbridge/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDealMessages } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { useRealtime, useSocketEvent } from '../../../realtime/useRealtime';
import {
  addPending,
  failPending,
  hasOlderPage,
  type MessagesBySeq,
  mergeMessages,
  messagesOfDeal,
  type PendingMessage,
  seqBounds,
  settlePending,
} from './chatMessages';
import { newClientId } from './clientId';

const PAGE = 50;
const CATCH_UP_PAGE = 200;
const SEND_TIMEOUT_MS = 15_000;

type LoadState = 'loading' | 'ready' | 'error';

/**
 * A deal's chat. Messages are kept in a Map by seq, so history pages, live
 * messages, send acknowledgements and reconnection catch-up can overlap
 * without gaps or duplicates. Joins the deal's room on every (re)connection
 * and then fetches whatever arrived while away.
 */
export function useDealChat(dealId: string, canJoin = true) {
  const { socket, generation } = useRealtime();
  const queryClient = useQueryClient();
  const [messages, setMessages] = useState<MessagesBySeq>(() => new Map());
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [state, setState] = useState<LoadState>('loading');
  const [error, setError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<unknown>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  /** Increases after each successful join; the server ignores read receipts from sockets outside the room. */
  const [joined, setJoined] = useState(0);
  /** The lowest and highest seq loaded: "load older" and catch-up start from them. */
  const seqs = useRef({ min: Number.POSITIVE_INFINITY, max: 0 });
  const firstLoad = useRef<Promise<boolean> | null>(null);

  const merge = useCallback(
    (list: readonly MessageDto[]) => {
      const mine = messagesOfDeal(list, dealId);
      if (!mine.length) return;
      seqs.current = seqBounds(seqs.current, mine);
      setMessages((prev) => mergeMessages(prev, mine));
      setPending((prev) => settlePending(prev, mine));
    },
    [dealId],
  );

  const loadLatest = useCallback(() => {
    setState('loading');
    const run = getDealMessages(dealId, { limit: PAGE }).then(
      (res) => {
        merge(res.data);
        setHasOlder(hasOlderPage(res.data, PAGE));
        setState('ready');
        return true;
      },
      (err: unknown) => {
        setError(err);
        setState('error');
        return false;
      },
    );
    firstLoad.current = run;
    return run;
  }, [dealId, merge]);

  useEffect(() => {
    void loadLatest();
  }, [loadLatest]);

  const loadOlder = useCallback(async () => {
    if (!Number.isFinite(seqs.current.min)) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const res = await getDealMessages(dealId, { before: seqs.current.min, limit: PAGE });
      merge(res.data);
      setHasOlder(hasOlderPage(res.data, PAGE));
    } catch (err) {
      setOlderError(err);
    } finally {
      setLoadingOlder(false);
    }
  }, [dealId, merge]);

  /** Everything after the newest message I have, page by page. */
  const catchUp = useCallback(async () => {
    for (;;) {
      const res = await getDealMessages(dealId, { after: seqs.current.max, limit: CATCH_UP_PAGE });
      merge(res.data);
      if (res.data.length < CATCH_UP_PAGE) return;
    }
  }, [dealId, merge]);

  // Join the room on every (re)connection, then catch up on what was missed.
  useEffect(() => {
    // Read-only viewers (administrators) are not room members: history over HTTP only.
    if (!canJoin || !socket?.connected || generation === 0) return;
    let cancelled = false;
    socket.emit('deal:join', { dealId }, (ack) => {
      if (cancelled) return;
      if (!ack.ok) {
        setJoinError(ack.error.code || 'join_failed');
        return;
      }
      setJoinError(null);
      setJoined((n) => n + 1);
      void (async () => {
        const loaded = await (firstLoad.current ?? loadLatest());
        if (cancelled) return;
        if (!loaded) await loadLatest();
        else await catchUp().catch(() => undefined);
      })();
    });
    return () => {
      cancelled = true;
      if (socket.connected) socket.emit('deal:leave', { dealId });
    };
  }, [canJoin, socket, generation, dealId, catchUp, loadLatest]);

  useSocketEvent('message:new', ({ message }) => {
    if (message.dealId === dealId) merge([message]);
  });

  const fail = useCallback((clientId: string, code: string) => {
    setPending((prev) => failPending(prev, clientId, code));
  }, []);

  // Outgoing messages go one at a time, in the order written: the server numbers them as they arrive.
  const queue = useRef<{ clientId: string; body: string }[]>([]);
  const inFlight = useRef(false);
  const socketRef = useRef(socket);
  useEffect(() => {
    socketRef.current = socket;
  }, [socket]);

  const pump = useCallback(() => {
    if (inFlight.current) return;
    const next = queue.current.shift();
    if (!next) return;
    const s = socketRef.current;
    if (!s) {
      fail(next.clientId, 'offline');
      pump();
      return;
    }
    inFlight.current = true;
    s.timeout(SEND_TIMEOUT_MS).emit('message:send', { dealId, ...next }, (err, ack) => {
      inFlight.current = false;
      if (err) fail(next.clientId, 'timeout');
      else if (!ack.ok) fail(next.clientId, ack.error.code || 'error');
      else {
        merge([ack.message]);
        void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
      }
      pump();
    });
  }, [dealId, fail, merge, queryClient]);

  /** Sends a message; a retry passes the failed message's clientId so the server never stores it twice. */
  const send = useCallback(
    (body: string, clientId: string = newClientId()) => {
      setPending((prev) => addPending(prev, clientId, body));
      queue.current = [...queue.current.filter((q) => q.clientId !== clientId), { clientId, body }];
      pump();
    },
    [pump],
  );

  const discard = useCallback((clientId: string) => {
    setPending((prev) => prev.filter((p) => p.clientId !== clientId));
  }, []);

  return {
    messages,
    pending,
    state,
    error,
    reload: loadLatest,
    hasOlder,
    loadingOlder,
    olderError,
    loadOlder,
    joinError,
    joined,
    send,
    discard,
    /** Adds a message created over HTTP (an attachment upload). */
    add: merge,
  };
}
