import type { ListingType, SavedSearchInput } from '@techbridge/shared';
import type { AppContext } from '../../context';
import type { Processor } from '../../platform/events/types';
import { dealStore } from '../deals/store';
import type { DomainEvents } from '../domainEvents';
import type { AnyListing } from '../listings/model';
import { listingStore } from '../listings/store';
import { loadAnnouncement } from '../matching/announcement';
import { organizationStore } from '../organizations/store';
import { type ListingSearchFields, searchFieldsOf } from '../search/listingsIndex';
import { savedSearchMatches } from '../search/savedSearchMatch';
import { subscriptionStore } from '../subscriptions/store';
import { dealTitle, dealUpdateAudience, participants } from './dealParticipants';
import { DEAL_MESSAGE_UNREAD } from './guards';
import { membersOf, notifyUsers } from './notify';

const live = (l: AnyListing | null | undefined): l is AnyListing => !!l && l.status === 'published' && !l.deletedAt;

/**
 * The notifications each event leaves in people's inboxes. Every handler
 * re-reads the current state and re-checks who may see it; every
 * notification is stored under a key derived from the event (or, for chat,
 * from the reader's position), so a retried event notifies nobody twice.
 */
export function notificationsProcessor(ctx: AppContext): Processor<DomainEvents> {
  return {
    name: 'notifications',
    handles: {
      /** One notification per member of each organisation of the new matches, naming its best one and how many. */
      async 'match.created'(event) {
        const { perOrg } = await loadAnnouncement(ctx, event);
        for (const [orgId, [best, ...more]] of perOrg) {
          // Public listings' titles: members as read within the last few seconds (a backlog announces many at once).
          const members = await membersOf(ctx, [orgId], { recent: true });
          await notifyUsers(
            ctx,
            members.map((m) => m.id),
            'match.new',
            {
              matchId: String(best.match._id),
              score: best.match.score,
              listingType: best.type,
              listingId: best.own.id,
              listingTitle: best.own.title,
              counterpartTitle: best.other.title,
              counterpartOrganization: best.other.organization.name,
              count: 1 + more.length,
            },
            (userId) => `${event.id}:${userId}`,
          );
        }
      },

      /**
       * First publications: saved-search alerts (once per search and
       * listing) and sector followers. Saved searches are read once per
       * event (every one: a scan, in the background), followers by sector.
       */
      async 'listing.published'(event) {
        const { type, listingIds } = event.data;
        const listings = (await listingStore(ctx.db).findEachStored(type, listingIds)).filter(live);
        if (!listings.length) return;
        const orgs = await organizationStore(ctx.db).mapById(listings.map((l) => l.organizationId));
        const subscriptions = subscriptionStore(ctx.db);
        const lists = await subscriptions.scanSavedSearches();
        const followers = await subscriptions.followersOf([...new Set(listings.flatMap((l) => l.sectors))]);
        for (const listing of listings) {
          const org = orgs.get(String(listing.organizationId));
          if (org?.status !== 'active') continue;
          // What saved searches are checked against: made when the first one is.
          let doc: ListingSearchFields | undefined;
          const own = String(listing.organizationId);
          const base = {
            listingType: type,
            listingId: String(listing._id),
            listingTitle: listing.title,
            organization: org.name,
          };
          for (const list of lists) {
            if (String(list.organizationId) === own) continue;
            for (const s of list.searches as { _id: unknown; name: string; query: unknown }[]) {
              doc ??= searchFieldsOf(type, listing, org);
              if (!savedSearchMatches(s.query as SavedSearchInput['query'], doc)) continue;
              // Already alerted about this listing: an alert fires once.
              if (!(await subscriptions.recordHit(String(s._id), `${type}:${listing._id}`))) continue;
              await notifyUsers(
                ctx,
                [list._id],
                'saved_search.hit',
                { ...base, savedSearchId: String(s._id), savedSearchName: s.name },
                (userId) => `saved:${s._id}:${type}:${listing._id}:${userId}`,
              );
            }
          }
          for (const f of followers) {
            if (String(f.organizationId) === own) continue;
            const followed = f.sectors.map((s) => String(s.sector)).filter((s) => listing.sectors.includes(s));
            if (!followed.length) continue;
            await notifyUsers(
              ctx,
              [f._id],
              'sector.new_listing',
              { ...base, sectors: followed },
              (userId) => `sector:${type}:${listing._id}:${userId}`,
            );
          }
        }
      },

      /** The owner organisation hears that its listing was approved or rejected (with the reason). */
      async 'listing.moderated'(event) {
        const { type, listingId, decision, reason } = event.data;
        const listing = await listingStore(ctx.db).findById(type as ListingType, listingId);
        if (!listing) return;
        const approved = decision === 'approved';
        const members = await membersOf(ctx, [listing.organizationId]);
        await notifyUsers(
          ctx,
          members.map((m) => m.id),
          approved ? 'listing.approved' : 'listing.rejected',
          {
            listingType: type,
            listingId: String(listing._id),
            listingTitle: listing.title,
            ...(approved ? {} : { reason }),
          },
          (userId) => `${event.id}:${userId}`,
        );
      },

      async 'organization.verification_decided'(event) {
        const { organizationId, verificationId, decision, reason } = event.data;
        const members = await membersOf(ctx, [organizationId]);
        await notifyUsers(
          ctx,
          members.map((m) => m.id),
          decision === 'approved' ? 'organization.verified' : 'organization.rejected',
          { verificationId, ...(reason ? { reason } : {}) },
          (userId) => `${event.id}:${userId}`,
        );
      },

      /** The listing's owners hear that someone opened a deal; both parties, of a broker's introduction. */
      async 'deal.opened'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (!deal) return;
        const members = await participants(ctx, deal);
        const from = await organizationStore(ctx.db).findById(
          deal.introduction ? deal.introduction.byOrgId : deal.initiatorOrgId,
        );
        const parties = deal.introduction
          ? [String(deal.ownerOrgId), String(deal.initiatorOrgId)]
          : [String(deal.ownerOrgId)];
        await notifyUsers(
          ctx,
          members.filter((m) => parties.includes(m.organizationId ?? '')).map((m) => m.id),
          deal.introduction ? 'deal.introduction' : 'deal.opened',
          { dealId: String(deal._id), title: await dealTitle(ctx, deal), from: from?.name },
          (userId) => `${event.id}:${userId}`,
        );
      },

      /**
       * One notification per change, to each member of the other
       * participants: the ones a proposal awaits are asked to confirm it; a
       * proposer hears the demand owner's decision (a decline with its
       * reason, in courteous words the client renders).
       */
      async 'deal.updated'(event) {
        const deal = await dealStore(ctx.db).findById(event.data.dealId);
        if (!deal) return;
        const members = (await participants(ctx, deal)).filter((m) => m.id !== event.data.byUserId);
        const reason = event.data.reason;
        const orgOf = { owner: String(deal.ownerOrgId), initiator: String(deal.initiatorOrgId) };
        const data = { dealId: String(deal._id), title: await dealTitle(ctx, deal), stage: deal.stage, reason };
        const groups = dealUpdateAudience(reason, members, orgOf, deal);
        for (const { type, users, extra } of groups)
          await notifyUsers(ctx, users, type, { ...data, ...extra }, (userId) => `${event.id}:${userId}`);
      },

      /**
       * Members not connected hear of a message, once until they read on:
       * the notification's key is their read position, so further messages
       * before they read add nothing. Its mail waits a few minutes and goes
       * out only if the message is still unread then.
       */
      async 'message.created'(event) {
        const store = dealStore(ctx.db);
        const [deal, message] = await Promise.all([
          store.findById(event.data.dealId),
          store.messageById(event.data.messageId),
        ]);
        if (!deal || !message) return;
        const members = (await participants(ctx, deal)).filter((m) => m.id !== String(message.senderId));
        const offline = [];
        for (const m of members) if (!(await ctx.realtime.isOnline(m.id))) offline.push(m.id);
        if (!offline.length) return;
        const reads = await store.readSeqs(offline.map((userId) => ({ dealId: deal._id, userId })));
        await notifyUsers(
          ctx,
          offline,
          'deal.message',
          {
            dealId: String(deal._id),
            title: await dealTitle(ctx, deal),
            from: message.senderName,
            preview: message.body.slice(0, 140),
          },
          (userId) => `deal.message:${deal._id}:${userId}:${reads.get(store.readKey(deal._id, userId)) ?? 0}`,
          // Mailed only if still unread a few minutes on: checked when the mail is due, not waited for here.
          {
            delayMs: ctx.config.messageMailDelayMs,
            guard: (userId) => ({
              name: DEAL_MESSAGE_UNREAD,
              arg: { dealId: String(deal._id), userId, seq: message.seq },
            }),
          },
        );
      },
    },
  };
}
