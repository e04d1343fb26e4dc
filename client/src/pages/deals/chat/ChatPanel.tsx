import { useQueryClient } from '@tanstack/react-query';
import type { DealDto, MessageDto } from '@techbridge/shared';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/queryKeys';
import { useAuth } from '../../../auth/useAuth';
import { Alert, Button, Card, CardHeader, PageLoader } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { formatDate } from '../../../lib/format';
import { useLang } from '../../../lib/useLang';
import { Composer } from './Composer';
import { orderedMessages } from './chatMessages';
import { MessageBubble, PendingBubble } from './MessageBubble';
import { useDealChat } from './useDealChat';
import { useReadReceipts, useTyping } from './usePresence';

const NEAR_BOTTOM_PX = 96;

/** The deal's chat: history with "load older", live messages, typing, read receipts and the composer. */
export function ChatPanel({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const chat = useDealChat(deal.id, deal.policies.chat);
  const typing = useTyping(deal.id);
  const receipts = useReadReceipts(deal.id, chat.joined);
  const logRef = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const prevFirst = useRef<{ seq: number; height: number } | null>(null);

  const list = useMemo(() => orderedMessages(chat.messages), [chat.messages]);
  const first = list[0]?.seq ?? 0;
  const last = list[list.length - 1];
  const myLast = useMemo(() => [...list].reverse().find((m) => m.sender.id === user?.id), [list, user?.id]);
  const seenBy = myLast ? [...receipts.readers.values()].filter((r) => r.seq >= myLast.seq).map((r) => r.name) : [];

  // Keep the view pinned: at the bottom for new messages, in place when older ones are added above.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the rendered list grows at either end.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const before = prevFirst.current;
    if (before && first < before.seq) log.scrollTop += log.scrollHeight - before.height;
    else if (nearBottom.current) log.scrollTop = log.scrollHeight;
    prevFirst.current = { seq: first, height: log.scrollHeight };
  }, [first, last?.seq, chat.pending.length, seenBy.length]);

  // A read receipt when the newest message is on screen (any part of it) and the tab is visible.
  const lastSeq = last?.seq ?? 0;
  const { markRead } = receipts;
  useEffect(() => {
    const end = logRef.current?.querySelector(`[data-seq="${lastSeq}"]`);
    if (!end || !lastSeq) return;
    const mark = () => {
      if (document.visibilityState === 'visible' && nearBottom.current && markRead(lastSeq)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.dealLists });
      }
    };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) mark();
    });
    observer.observe(end);
    document.addEventListener('visibilitychange', mark);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', mark);
    };
  }, [lastSeq, markRead, queryClient]);

  function onScroll() {
    const log = logRef.current;
    if (log) nearBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
  }

  const dayOf = (m: MessageDto) => formatDate(m.createdAt, lang);

  return (
    <Card as="section" className="chat" aria-labelledby="chat-title">
      <CardHeader id="chat-title" title={t('chat.title')} />
      {chat.joinError && <Alert tone="warning">{t('chat.joinFailed')}</Alert>}
      {chat.state === 'loading' && list.length === 0 && <PageLoader />}
      {chat.state === 'error' && list.length === 0 && (
        <Alert tone="error" title={t('chat.loadFailed')}>
          <p>{describeApiError(chat.error, t)}</p>
          <Button variant="secondary" size="sm" className="alert__action" onClick={() => void chat.reload()}>
            {t('common.retry')}
          </Button>
        </Alert>
      )}
      <div
        className="chat__log"
        ref={logRef}
        onScroll={onScroll}
        role="log"
        aria-label={t('chat.logLabel')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can scroll the history.
        tabIndex={0}
      >
        {chat.hasOlder && (
          <div className="chat__older">
            <Button variant="secondary" size="sm" loading={chat.loadingOlder} onClick={() => void chat.loadOlder()}>
              {t('chat.loadOlder')}
            </Button>
            {chat.olderError != null && <p className="field__error">{describeApiError(chat.olderError, t)}</p>}
          </div>
        )}
        {chat.state === 'ready' && list.length === 0 && chat.pending.length === 0 && (
          <p className="chat__empty muted">{t('chat.empty')}</p>
        )}
        <ol className="chat__list">
          {list.map((m, i) => (
            <li key={m.seq} className="chat__item" data-seq={m.seq}>
              {(i === 0 || dayOf(list[i - 1]) !== dayOf(m)) && (
                <p className="chat__day">
                  <time dateTime={m.createdAt}>{dayOf(m)}</time>
                </p>
              )}
              <MessageBubble message={m} mine={m.sender.id === user?.id} />
              {m === myLast && seenBy.length > 0 && (
                <p className="chat__seen">{t('chat.seenBy', { names: seenBy.join(', ') })}</p>
              )}
            </li>
          ))}
          {chat.pending.map((p) => (
            <li key={p.clientId} className="chat__item">
              <PendingBubble
                message={p}
                onRetry={() => chat.send(p.body, p.clientId)}
                onDiscard={() => chat.discard(p.clientId)}
              />
            </li>
          ))}
        </ol>
      </div>
      <p className="chat__typing" aria-live="polite">
        {typing.typists.length > 0 &&
          t('chat.typing', { names: typing.typists.join(', '), count: typing.typists.length })}
      </p>
      {deal.policies.chat ? (
        <Composer
          dealId={deal.id}
          onSend={(body) => {
            nearBottom.current = true;
            chat.send(body);
          }}
          onUploaded={(message) => {
            nearBottom.current = true;
            chat.add([message]);
          }}
          onTyping={typing.onInput}
          onStopTyping={typing.stop}
        />
      ) : (
        <p className="muted chat__closed">{t('chat.readOnly')}</p>
      )}
    </Card>
  );
}
