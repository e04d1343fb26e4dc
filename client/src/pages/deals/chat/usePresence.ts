import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../../auth/useAuth';
import { useRealtime, useSocketEvent } from '../../../realtime/useRealtime';

/** Send "typing" at most this often while typing continues. */
const TYPING_EVERY_MS = 3000;
/** Idle time after which I count as having stopped typing. */
const TYPING_IDLE_MS = 4000;
/** A typist who went quiet without saying so is forgotten after this long. */
const TYPING_EXPIRE_MS = 8000;

export interface Reader {
  name: string;
  seq: number;
}

/** Who else is typing in this deal, and my own typing signal (throttled). */
export function useTyping(dealId: string) {
  const { socket } = useRealtime();
  const { user } = useAuth();
  const [typists, setTypists] = useState<ReadonlyMap<string, string>>(() => new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useRef(false);

  const forget = useCallback((userId: string) => {
    clearTimeout(timers.current.get(userId));
    timers.current.delete(userId);
    setTypists((prev) => {
      if (!prev.has(userId)) return prev;
      const next = new Map(prev);
      next.delete(userId);
      return next;
    });
  }, []);

  useSocketEvent('typing', (p) => {
    if (p.dealId !== dealId || p.userId === user?.id) return;
    if (!p.typing) return forget(p.userId);
    setTypists((prev) => (prev.get(p.userId) === p.name ? prev : new Map(prev).set(p.userId, p.name)));
    clearTimeout(timers.current.get(p.userId));
    timers.current.set(
      p.userId,
      setTimeout(() => forget(p.userId), TYPING_EXPIRE_MS),
    );
  });

  const stop = useCallback(() => {
    clearTimeout(idle.current);
    if (!typing.current) return;
    typing.current = false;
    lastSent.current = 0;
    if (socket?.connected) socket.emit('typing', { dealId, typing: false });
  }, [socket, dealId]);

  /** Call on every keystroke. */
  const onInput = useCallback(() => {
    const now = Date.now();
    if (socket?.connected && (!typing.current || now - lastSent.current > TYPING_EVERY_MS)) {
      socket.emit('typing', { dealId, typing: true });
      lastSent.current = now;
      typing.current = true;
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [socket, dealId, stop]);

  useEffect(() => {
    const all = timers.current;
    return () => {
      stop();
      for (const timer of all.values()) clearTimeout(timer);
    };
  }, [stop]);

  return { typists: [...typists.values()], onInput, stop };
}

/**
 * Read receipts: tells the server how far I have read (only forward), and
 * collects how far other people have read.
 */
export function useReadReceipts(dealId: string, joined: number) {
  const { socket } = useRealtime();
  const { user } = useAuth();
  const [readers, setReaders] = useState<ReadonlyMap<string, Reader>>(() => new Map());
  const sent = useRef(0);

  // After a (re)join the server may have missed my last receipt: send it again.
  useEffect(() => {
    if (joined > 0 && sent.current > 0 && socket?.connected) {
      socket.emit('message:read', { dealId, seq: sent.current });
    }
  }, [joined, socket, dealId]);

  useSocketEvent('message:read', (p) => {
    if (p.dealId !== dealId || p.userId === user?.id) return;
    setReaders((prev) => {
      const known = prev.get(p.userId);
      if (known && known.seq >= p.seq) return prev;
      return new Map(prev).set(p.userId, { name: p.name, seq: p.seq });
    });
  });

  /** Call when the message with this seq is visible on screen; returns true when a receipt was sent. */
  const markRead = useCallback(
    (seq: number) => {
      if (seq <= sent.current || !joined || !socket?.connected) return false;
      sent.current = seq;
      socket.emit('message:read', { dealId, seq });
      return true;
    },
    [socket, dealId, joined],
  );

  return { readers, markRead };
}
