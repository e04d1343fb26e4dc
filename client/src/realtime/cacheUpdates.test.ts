import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import type { DealDto } from '@techbridge/shared';
import type { NotificationList } from '../api/notifications';
import { queryKeys } from '../api/queryKeys';
import { LATEST_LIMIT, storeRead } from '../components/notifications/notificationCache';
import { notificationDto } from '../test/fixtures';
import {
  applyDealUpdate,
  applyNewMatch,
  applyNewMessage,
  applyNotification,
  notificationToastKey,
} from './cacheUpdates';

let client: QueryClient;
const seed = (key: readonly unknown[]) => client.setQueryData(key, { data: [] });
const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;
const latest = () => client.getQueryData<NotificationList>(queryKeys.notificationsLatest);

beforeEach(() => {
  client = new QueryClient();
  for (const key of [
    queryKeys.dealLists,
    queryKeys.deals('party'),
    queryKeys.myVerification,
    queryKeys.matches('new'),
    queryKeys.listingMatches('offer', 'o1'),
    queryKeys.notificationsPage(false),
    queryKeys.dealAudit('deal1'),
    queryKeys.dealAudit('deal2'),
    queryKeys.search('q=tom'),
  ]) {
    seed(key);
  }
});

// Drops the queries, and with them their garbage-collection timers.
afterEach(() => client.clear());

describe('notification:new', () => {
  it('puts the notification first in the bell with the server’s unread count, and refreshes the pages', () => {
    client.setQueryData<NotificationList>(queryKeys.notificationsLatest, {
      data: [notificationDto({ id: 'old' })],
      unread: 1,
    });
    const outcome = applyNotification(client, notificationDto({ id: 'new' }), 2, '/app');
    expect(latest()?.data.map((n) => n.id)).toEqual(['new', 'old']);
    expect(latest()?.unread).toBe(2);
    expect(invalidated(queryKeys.notificationsPage(false))).toBe(true);
    expect(outcome).toEqual({ toast: true, reloadProfile: false });
  });

  it('does not list a notification twice and keeps the bell to its limit', () => {
    const many = Array.from({ length: LATEST_LIMIT }, (_, i) => notificationDto({ id: `n${i}` }));
    client.setQueryData<NotificationList>(queryKeys.notificationsLatest, { data: many, unread: 8 });
    applyNotification(client, notificationDto({ id: 'n3' }), 8, '/');
    expect(latest()?.data.map((n) => n.id)).toEqual(['n3', 'n0', 'n1', 'n2', 'n4', 'n5', 'n6', 'n7']);
    applyNotification(client, notificationDto({ id: 'fresh' }), 9, '/');
    expect(latest()?.data).toHaveLength(LATEST_LIMIT);
    expect(latest()?.data[0].id).toBe('fresh');
  });

  it('starts the bell’s list when it was not loaded yet', () => {
    applyNotification(client, notificationDto({ id: 'first' }), 1, '/');
    expect(latest()).toEqual({ data: [notificationDto({ id: 'first' })], unread: 1 });
  });

  it('refreshes the deal lists for deal notifications, not for others', () => {
    applyNotification(client, notificationDto({ type: 'match.new' }), 1, '/');
    expect(invalidated(queryKeys.deals('party'))).toBe(false);
    applyNotification(client, notificationDto({ type: 'deal.stage', data: { dealId: 'deal1' } }), 1, '/');
    expect(invalidated(queryKeys.deals('party'))).toBe(true);
  });

  it('neither toasts nor refreshes for chat in the deal room being viewed', () => {
    const chat = notificationDto({ type: 'deal.message', data: { dealId: 'deal1' } });
    expect(applyNotification(client, chat, 3, '/deals/deal1')).toEqual({ toast: false, reloadProfile: false });
    expect(invalidated(queryKeys.deals('party'))).toBe(false);
    // …but the bell still counts it.
    expect(latest()?.unread).toBe(3);
    // In another room it is a normal notification.
    expect(applyNotification(client, chat, 4, '/deals/deal2').toast).toBe(true);
    expect(invalidated(queryKeys.deals('party'))).toBe(true);
  });

  it('shows no toast for any change of the deal on screen (a stage, a proposal), but one elsewhere', () => {
    const stage = notificationDto({ type: 'deal.stage', data: { dealId: 'deal1' } });
    expect(applyNotification(client, stage, 1, '/deals/deal1').toast).toBe(false);
    expect(applyNotification(client, stage, 1, '/deals').toast).toBe(true);
    const confirm = notificationDto({ type: 'deal.confirm', data: { dealId: 'deal1' } });
    expect(applyNotification(client, confirm, 1, '/deals/deal1').toast).toBe(false);
  });

  it('refreshes my verification on a decision, and asks for the profile when verified', () => {
    expect(applyNotification(client, notificationDto({ type: 'organization.rejected' }), 1, '/')).toEqual({
      toast: true,
      reloadProfile: false,
    });
    expect(invalidated(queryKeys.myVerification)).toBe(true);
    expect(applyNotification(client, notificationDto({ type: 'organization.verified' }), 1, '/').reloadProfile).toBe(
      true,
    );
  });

  it('keys match toasts by match, so the notification and "match:new" show one toast', () => {
    expect(notificationToastKey(notificationDto({ id: 'n7', data: { matchId: 'm1' } }))).toBe('match:m1');
    expect(notificationToastKey(notificationDto({ id: 'n7', data: { matchId: 42 } }))).toBe('notification:n7');
  });
});

describe('other events', () => {
  it('match:new refreshes every match list and nothing else', () => {
    applyNewMatch(client);
    expect(invalidated(queryKeys.matches('new'))).toBe(true);
    expect(invalidated(queryKeys.listingMatches('offer', 'o1'))).toBe(true);
    expect(invalidated(queryKeys.search('q=tom'))).toBe(false);
    expect(invalidated(queryKeys.dealLists)).toBe(false);
  });

  it('deal:updated stores the deal and refreshes its lists and its own audit trail only', () => {
    const deal = { id: 'deal1', stage: 'negotiation' } as DealDto;
    applyDealUpdate(client, deal);
    expect(client.getQueryData(queryKeys.deal('deal1'))).toEqual({ data: deal });
    expect(invalidated(queryKeys.deals('party'))).toBe(true);
    expect(invalidated(queryKeys.dealAudit('deal1'))).toBe(true);
    expect(invalidated(queryKeys.dealAudit('deal2'))).toBe(false);
  });

  it('message:new refreshes the deal lists (unread counts)', () => {
    applyNewMessage(client);
    expect(invalidated(queryKeys.dealLists)).toBe(true);
    expect(invalidated(queryKeys.dealAudit('deal1'))).toBe(false);
  });
});

describe('storeRead', () => {
  it('marks one or all notifications read with the new count', () => {
    client.setQueryData<NotificationList>(queryKeys.notificationsLatest, {
      data: [notificationDto({ id: 'a' }), notificationDto({ id: 'b' })],
      unread: 2,
    });
    storeRead(client, 'a', 1);
    expect(latest()?.data.map((n) => n.read)).toEqual([true, false]);
    expect(latest()?.unread).toBe(1);
    storeRead(client, 'all', 0);
    expect(latest()?.data.every((n) => n.read)).toBe(true);
  });

  it('leaves an unloaded bell alone', () => {
    storeRead(client, 'all', 0);
    expect(latest()).toBeUndefined();
  });
});
