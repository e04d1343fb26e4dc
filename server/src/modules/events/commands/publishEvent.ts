import type { AppContext } from '../../../context';
import type { Event } from '../model';
import { eventStore } from '../store';

/** Publishes a draft: it joins the public list and opens for registration. Publishing twice changes nothing. */
export async function publishEvent(ctx: AppContext, event: Event): Promise<Event> {
  const store = eventStore(ctx.db);
  return store.withEvent(event._id, async () => {
    const current = (await store.findById(event._id)) ?? event;
    if (current.status === 'published') return current;
    // The public list first: a crash in between leaves a listed draft (hidden by the status check), never a lost event.
    await store.listPublished(current._id);
    return (await store.update(current._id, { $set: { status: 'published', publishedAt: new Date() } })) ?? current;
  });
}
