import {
  type DealStage,
  type Lang,
  labelOf,
  type NotificationDto,
  sectors,
  stageTransitions,
} from '@techbridge/shared';
import type { TFunction } from 'i18next';
import { listingHref } from '../listings/ListingCard';

export interface DescribedNotification {
  /** One sentence in the UI language. */
  text: string;
  /** Where the notification leads. */
  href: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const listingType = (value: unknown) => (value === 'demand' ? 'demand' : 'offer');
// The stage machine's table (not the zod schemas' list): the first page's bundle stays free of zod.
const isStage = (value: unknown): value is DealStage =>
  typeof value === 'string' && Object.hasOwn(stageTransitions, value);

/** Renders a notification in words from its type and data, with the page it points to. */
export function describeNotification(n: NotificationDto, t: TFunction, lang: Lang): DescribedNotification {
  const d = n.data;
  const title = str(d.listingTitle);
  const listing = str(d.listingId) ? listingHref(listingType(d.listingType), str(d.listingId)) : '/app';
  const deal = str(d.dealId) ? `/deals/${str(d.dealId)}` : '/deals';
  const dealTitle = str(d.title);
  const from = str(d.from);

  switch (n.type) {
    case 'match.new': {
      // Several new matches at once (a bulk import): one notification naming the best.
      const n = num(d.count) ?? 1;
      return {
        text: t(n > 1 ? 'notifications.types.matchNewMany' : 'notifications.types.matchNew', {
          n,
          score: num(d.score) ?? '–',
          counterpart: str(d.counterpartTitle),
          organization: str(d.counterpartOrganization),
          title,
        }),
        href: str(d.listingId) ? `${listing}#matches` : '/matches',
      };
    }
    case 'listing.approved':
      return { text: t('notifications.types.listingApproved', { title }), href: listing };
    case 'listing.rejected':
      return {
        text: str(d.reason)
          ? t('notifications.types.listingRejectedReason', { title, reason: str(d.reason) })
          : t('notifications.types.listingRejected', { title }),
        href: listing,
      };
    case 'saved_search.hit':
      return {
        text: t('notifications.types.savedSearchHit', {
          name: str(d.savedSearchName),
          title,
          organization: str(d.organization),
        }),
        href: listing,
      };
    case 'sector.new_listing': {
      const codes = Array.isArray(d.sectors) ? d.sectors.filter((s): s is string => typeof s === 'string') : [];
      return {
        text: t('notifications.types.sectorNewListing', {
          sectors: codes.map((code) => labelOf(sectors, code, lang)).join(', '),
          title,
          organization: str(d.organization),
        }),
        href: listing,
      };
    }
    case 'deal.opened':
      return {
        text: from
          ? t('notifications.types.dealOpenedFrom', { from, title: dealTitle })
          : t('notifications.types.dealOpened', { title: dealTitle }),
        href: deal,
      };
    case 'deal.message':
      return {
        text: from
          ? t('notifications.types.dealMessageFrom', { from, title: dealTitle })
          : t('notifications.types.dealMessage', { title: dealTitle }),
        href: deal,
      };
    case 'deal.stage':
      return {
        text: isStage(d.stage)
          ? t('notifications.types.dealStage', { title: dealTitle, stage: t(`deals.stages.${d.stage}`) })
          : t('notifications.types.dealUpdated', { title: dealTitle }),
        href: deal,
      };
    case 'deal.nda':
      return { text: t('notifications.types.dealNda', { title: dealTitle }), href: deal };
    case 'deal.proposal':
      return { text: t('notifications.types.dealProposal', { title: dealTitle }), href: deal };
    case 'deal.proposal_shortlisted':
      return { text: t('notifications.types.dealProposalShortlisted', { title: dealTitle }), href: deal };
    case 'deal.proposal_declined':
      return {
        text: t('notifications.types.dealProposalDeclined', { title: dealTitle, reason: str(d.declineReason) || '—' }),
        href: deal,
      };
    case 'deal.confirm':
      return {
        text: t('notifications.types.dealConfirm', {
          title: dealTitle,
          by: str(d.by),
          stage: isStage(d.proposed) ? t(`deals.stages.${d.proposed}`) : '',
        }),
        href: deal,
      };
    case 'deal.introduction':
      return { text: t('notifications.types.dealIntroduction', { from, title: dealTitle }), href: deal };
    case 'mandate.requested':
      return { text: t('notifications.types.mandateRequested', { broker: str(d.broker) }), href: '/deals#mandates' };
    case 'mandate.accepted':
      return { text: t('notifications.types.mandateAccepted', { client: str(d.client) }), href: '/broker' };
    case 'mandate.ended':
      return {
        text: t('notifications.types.mandateEnded', { broker: str(d.broker), client: str(d.client) }),
        href: '/broker',
      };
    case 'organization.verified':
      return { text: t('notifications.types.organizationVerified'), href: '/app#verification' };
    case 'organization.rejected':
      return {
        text: str(d.reason)
          ? t('notifications.types.organizationRejectedReason', { reason: str(d.reason) })
          : t('notifications.types.organizationRejected'),
        href: '/app#verification',
      };
    case 'event.meeting_request':
      return {
        text: t('notifications.types.eventMeetingRequest', { from, event: str(d.eventTitle) }),
        href: `/events/${str(d.eventId)}`,
      };
    case 'event.meeting_answer':
      return {
        text: t(
          d.answer === 'accepted'
            ? 'notifications.types.eventMeetingAccepted'
            : 'notifications.types.eventMeetingDeclined',
          { by: str(d.by), event: str(d.eventTitle) },
        ),
        href: `/events/${str(d.eventId)}`,
      };
    case 'event.meeting_cancelled':
      return {
        text: t('notifications.types.eventMeetingCancelled', { by: str(d.by), event: str(d.eventTitle) }),
        href: `/events/${str(d.eventId)}/agenda`,
      };
    case 'event.schedule':
      return {
        text: t('notifications.types.eventSchedule', { count: num(d.count) ?? 1, event: str(d.eventTitle) }),
        href: `/events/${str(d.eventId)}/agenda`,
      };
    default:
      return { text: t('notifications.types.other'), href: '/notifications' };
  }
}
