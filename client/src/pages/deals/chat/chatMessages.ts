import type { MessageDto } from '@techbridge/shared';

/** A message written here and not yet acknowledged by the server (or refused). */
export interface PendingMessage {
  clientId: string;
  body: string;
  status: 'sending' | 'failed';
  /** The server's error code, or "timeout" / "offline". */
  error?: string;
}

export type MessagesBySeq = ReadonlyMap<number, MessageDto>;

/** The messages of one deal (a socket may carry other deals' messages). */
export function messagesOfDeal(list: readonly MessageDto[], dealId: string): MessageDto[] {
  return list.filter((m) => m.dealId === dealId);
}

/**
 * Adds messages keyed by their seq, so history pages, live messages, send
 * acknowledgements and catch-up can overlap without duplicates; a later copy
 * of a seq replaces the earlier one. Returns `prev` itself when nothing is added.
 */
export function mergeMessages(prev: MessagesBySeq, list: readonly MessageDto[]): MessagesBySeq {
  if (list.length === 0) return prev;
  const next = new Map(prev);
  for (const m of list) next.set(m.seq, m);
  return next;
}

/** The lowest and highest seq seen, widened by `list` (min starts at +Infinity, max at 0). */
export function seqBounds(bounds: { min: number; max: number }, list: readonly MessageDto[]) {
  let { min, max } = bounds;
  for (const m of list) {
    max = Math.max(max, m.seq);
    min = Math.min(min, m.seq);
  }
  return { min, max };
}

/** Oldest first, for display. */
export function orderedMessages(messages: MessagesBySeq): MessageDto[] {
  return [...messages.values()].sort((a, b) => a.seq - b.seq);
}

/** Whether older history may exist before a page just loaded: the page was full and does not start at seq 1. */
export function hasOlderPage(page: readonly MessageDto[], pageSize: number): boolean {
  return page.length >= pageSize && (page[0]?.seq ?? 1) > 1;
}

/** Drops the pending messages that arrived from the server (same clientId); returns `pending` itself if none did. */
export function settlePending(pending: PendingMessage[], arrived: readonly MessageDto[]): PendingMessage[] {
  const ids = new Set(arrived.map((m) => m.clientId));
  return pending.some((p) => ids.has(p.clientId)) ? pending.filter((p) => !ids.has(p.clientId)) : pending;
}

/** A message being sent, last in line; a retry (same clientId) moves the failed copy to the end as "sending". */
export function addPending(pending: PendingMessage[], clientId: string, body: string): PendingMessage[] {
  return [...pending.filter((p) => p.clientId !== clientId), { clientId, body, status: 'sending' }];
}

export function failPending(pending: PendingMessage[], clientId: string, code: string): PendingMessage[] {
  return pending.map((p) => (p.clientId === clientId ? { ...p, status: 'failed', error: code } : p));
}
