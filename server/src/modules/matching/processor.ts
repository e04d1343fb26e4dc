import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { DomainEvents } from '../domainEvents';
import { reflagListings } from '../listings/commands/reflagListings';

/**
 * Matching's reaction to events: the listings of an organisation or author
 * whose status changed are matched again (their pairs are deactivated on
 * suspension and come back on reactivation). Idempotent: flags are set again.
 */
export function matchingProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'matching',
    handles: {
      async 'organization.status_changed'(event) {
        if (await reflagListings(ctx, { organizationId: event.data.organizationId }, 'matchDirty'))
          ctx.matcher.notify();
      },
      async 'user.status_changed'(event) {
        if (await reflagListings(ctx, { authorId: event.data.userId }, 'matchDirty')) ctx.matcher.notify();
      },
    },
  };
}
