import type { NotificationType } from '@techbridge/shared';
import type { AppContext } from '../../context';
import { composeMail } from '../../platform/mail/render';
import { isEmailVerified } from '../accounts/policy';
import { accountStore } from '../accounts/store';
import { mailStore } from './mail.store';
import { mailKindOf, notificationMail } from './mails';
import { type UnsubscribeScope, unsubscribeToken } from './unsubscribe';

/** When a notification's mail goes out: later (a scheduled check), and only if a guard still agrees then. */
export interface NotificationMailOptions {
  delayMs?: number;
  guard?: (userId: string) => { name: string; arg: unknown };
}

/** The page and the one-click address of a user's unsubscribe link for one kind of mail. */
export function unsubscribeLinks(ctx: AppContext, userId: string, scope: UnsubscribeScope) {
  const token = unsubscribeToken(ctx.jwtSecret, userId, scope);
  return {
    url: `${ctx.config.publicUrl}/unsubscribe?token=${token}`,
    oneClickUrl: `${ctx.config.publicUrl}/api/mail/unsubscribe?token=${token}`,
  };
}

/**
 * Queues the mail of a notification for each user who wants this kind
 * "immediately", in their language, to confirmed addresses only. The mail's
 * key is the notification's, so an event processed twice mails once.
 */
export async function mailNotifications(
  ctx: AppContext,
  userIds: string[],
  type: NotificationType,
  data: Record<string, unknown>,
  key: (userId: string) => string,
  options: NotificationMailOptions = {},
): Promise<void> {
  const kind = mailKindOf[type];
  const preferences = await mailStore(ctx.db).preferencesOfEach(userIds);
  const wanted = userIds.filter((id) => preferences.get(id)?.[kind] === 'immediate');
  if (!wanted.length) return;
  for (const user of await accountStore(ctx.db).findUsers(wanted)) {
    if (user.status !== 'active' || !isEmailVerified(user)) continue;
    const id = String(user._id);
    const lang = user.locale === 'en' ? 'en' : 'vi';
    const content = notificationMail(lang, type, data, ctx.config.publicUrl, unsubscribeLinks(ctx, id, kind));
    const mail = await composeMail(`notification:${key(id)}`, user.email, content, {
      sendAfter: options.delayMs ? new Date(Date.now() + options.delayMs) : undefined,
      guard: options.guard?.(id),
    });
    await ctx.mail.enqueue(mail);
  }
}
