import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import type { DomainEvents } from '../domainEvents';
import { reflagListings } from '../listings/commands/reflagListings';

/**
 * Search indexing's reaction to events: an organisation or author whose
 * status changed has its listings re-projected (they leave search on
 * suspension and come back on reactivation). Idempotent: flags are set again.
 */
export function searchProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'search',
    handles: {
      async 'organization.status_changed'(event) {
        if (await reflagListings(ctx, { organizationId: event.data.organizationId }, 'searchDirty'))
          ctx.indexer.notify();
      },
      async 'user.status_changed'(event) {
        if (await reflagListings(ctx, { authorId: event.data.userId }, 'searchDirty')) ctx.indexer.notify();
      },
    },
  };
}
