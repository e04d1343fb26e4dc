import { describe, expect, it } from '@jest/globals';
import { messageDto } from '../../../test/fixtures';
import {
  addPending,
  failPending,
  hasOlderPage,
  type MessagesBySeq,
  mergeMessages,
  messagesOfDeal,
  orderedMessages,
  type PendingMessage,
  seqBounds,
  settlePending,
} from './chatMessages';

const seqs = (messages: MessagesBySeq) => orderedMessages(messages).map((m) => m.seq);

describe('merging messages', () => {
  it('keeps one message per seq when history, live messages and acknowledgements overlap', () => {
    let messages: MessagesBySeq = new Map();
    messages = mergeMessages(messages, [messageDto(3), messageDto(4), messageDto(5)]); // latest page
    messages = mergeMessages(messages, [messageDto(5)]); // live copy of 5
    messages = mergeMessages(messages, [messageDto(6)]); // acknowledgement of my send
    messages = mergeMessages(messages, [messageDto(1), messageDto(2), messageDto(3)]); // older page
    expect(seqs(messages)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets a later copy of a seq replace the earlier one', () => {
    const first = mergeMessages(new Map(), [messageDto(1, { body: 'cũ' })]);
    const second = mergeMessages(first, [messageDto(1, { body: 'mới' })]);
    expect(second.get(1)?.body).toBe('mới');
    expect(first.get(1)?.body).toBe('cũ');
  });

  it('returns the same map when nothing is added (no re-render)', () => {
    const messages = mergeMessages(new Map(), [messageDto(1)]);
    expect(mergeMessages(messages, [])).toBe(messages);
  });

  it('orders by seq whatever the arrival order', () => {
    expect(seqs(mergeMessages(new Map(), [messageDto(9), messageDto(2), messageDto(5)]))).toEqual([2, 5, 9]);
  });

  it('keeps only the deal’s own messages', () => {
    const list = [messageDto(1), messageDto(2, { dealId: 'other' }), messageDto(3)];
    expect(messagesOfDeal(list, 'deal1').map((m) => m.seq)).toEqual([1, 3]);
  });

  it('tracks the lowest and highest seq loaded', () => {
    let bounds = { min: Number.POSITIVE_INFINITY, max: 0 };
    bounds = seqBounds(bounds, [messageDto(40), messageDto(45)]);
    bounds = seqBounds(bounds, [messageDto(46)]);
    bounds = seqBounds(bounds, [messageDto(10)]);
    expect(bounds).toEqual({ min: 10, max: 46 });
    expect(seqBounds(bounds, [])).toEqual(bounds);
  });

  it('expects older history only after a full page that does not start at seq 1', () => {
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => messageDto(from + i));
    expect(hasOlderPage(page(51, 50), 50)).toBe(true);
    expect(hasOlderPage(page(1, 50), 50)).toBe(false);
    expect(hasOlderPage(page(60, 20), 50)).toBe(false);
    expect(hasOlderPage([], 50)).toBe(false);
  });
});

describe('pending messages', () => {
  it('queues a send as "sending", last in line', () => {
    const pending = addPending(addPending([], 'a', 'Chào'), 'b', 'Xin chào');
    expect(pending).toEqual([
      { clientId: 'a', body: 'Chào', status: 'sending' },
      { clientId: 'b', body: 'Xin chào', status: 'sending' },
    ]);
  });

  it('marks a failed send with its code, and a retry moves it to the end as "sending" again', () => {
    let pending: PendingMessage[] = addPending(addPending([], 'a', 'Một'), 'b', 'Hai');
    pending = failPending(pending, 'a', 'timeout');
    expect(pending[0]).toEqual({ clientId: 'a', body: 'Một', status: 'failed', error: 'timeout' });
    pending = addPending(pending, 'a', 'Một');
    expect(pending.map((p) => [p.clientId, p.status])).toEqual([
      ['b', 'sending'],
      ['a', 'sending'],
    ]);
  });

  it('drops the pending copy once the server’s message with the same clientId arrives', () => {
    const pending = addPending(addPending([], 'c1', 'Một'), 'c9', 'Chín');
    expect(settlePending(pending, [messageDto(1)]).map((p) => p.clientId)).toEqual(['c9']);
  });

  it('returns the same list when none of them arrived', () => {
    const pending = addPending([], 'x', 'Một');
    expect(settlePending(pending, [messageDto(1)])).toBe(pending);
  });
});
