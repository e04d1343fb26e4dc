import type {
  DealStage,
  demandCreateSchema,
  ListingLang,
  ListingStatus,
  OrganizationSize,
  offerCreateSchema,
} from '@techbridge/shared';
import type { z } from 'zod';
import dealsData from './deals.json';
import demandsData from './demands.json';
import eventsData from './events.json';
import offersData from './offers.json';
import organizationsData from './organizations.json';

/**
 * The demo world: organisations, their people, offers and demands, deals and
 * events, as data (the JSON files beside this one), seeded once and
 * deterministically. Times are in days before the seeding day, so the world
 * is always "recent": a seeder turns `n` days ago into `now - n × 24 h`.
 * Keys are stable slugs; listings, deals and events refer to organisations and
 * listings by key, people by e-mail. `world.test.ts` checks every rule below.
 */

export interface WorldMember {
  email: string;
  name: string;
  /** The first member is the owner (and the contact person); the password of every demo account is DEMO_PASSWORD. */
  role: 'owner' | 'member';
}

export interface WorldOrganization {
  key: string;
  name: string;
  /** An organisation type code (shared/src/taxonomies/organization-types.json). */
  type: string;
  /** A province code (shared/src/taxonomies/provinces.json): the seat, or the Vietnamese office of a foreign partner. */
  province: string;
  verified: boolean;
  /** ISO country code of an international partner (they write in English). */
  country?: string;
  /** The language the organisation writes its profile and listings in. */
  lang: ListingLang;
  description: string;
  foundedYear: number;
  size: OrganizationSize;
  /** Sector codes the organisation works in; each of its listings shares at least one. */
  sectors: string[];
  expertise: string[];
  /** A clearly fictitious address under example.vn / example.com. */
  website: string;
  address: string;
  contact: { name: string; title: string; email: string; phone: string };
  members: WorldMember[];
  /** Unverified organisations: the pending verification request (the admin queue). */
  verificationRequest?: { daysAgo: number; registrationNumber: string; taxCode: string; note: string };
  joinedDaysAgo: number;
  /** When an administrator verified it (null: not verified). */
  verifiedDaysAgo: number | null;
}

/** The statuses the world uses; `pending_review` listings belong to unverified organisations. */
export type WorldListingStatus = Extract<ListingStatus, 'published' | 'pending_review' | 'draft' | 'archived'>;

interface WorldListing {
  key: string;
  /** The owner organisation's key. */
  org: string;
  status: WorldListingStatus;
  /**
   * Published and archived: when it was published (0–365, more in recent months).
   * Pending review: when it was submitted. Draft: when it was written.
   */
  publishedDaysAgo: number;
  /** Archived listings: when they were archived. */
  archivedDaysAgo?: number;
}

export interface WorldOffer extends WorldListing {
  /** Exactly what POST /api/offers accepts. */
  input: z.input<typeof offerCreateSchema>;
}

export interface WorldDemand extends WorldListing {
  /** Days from the seeding day to the demand's deadline (the input has no absolute date, which would go stale). */
  deadlineInDays?: number;
  /** Exactly what POST /api/demands accepts (without `deadline`). */
  input: z.input<typeof demandCreateSchema>;
  /** Offers of other organisations a domain expert would put forward, best first. */
  relevantOffers: string[];
  /** Offers that share words with the demand but not the technology it needs (e.g. "tro bay" bricks vs drones). */
  nearMisses: string[];
}

export type NdaAction = 'accept' | 'approve' | 'grant' | 'revoke';

export interface WorldDeal {
  key: string;
  /** The listing the deal is about; its owner is the deal's owner. */
  listing: { type: 'offer' | 'demand'; key: string };
  /** The deal's offer and demand: the listing, and the initiator's own listing of the other type when it came from a match. */
  offer: string | null;
  demand: string | null;
  /** The organisation that opened the deal. */
  initiator: string;
  /** An intermediary invited into the deal, by whom (e-mail) and when. */
  intermediary: { org: string; invitedBy: string; daysAgo: number } | null;
  stage: DealStage;
  openedDaysAgo: number;
  /** Every stage the deal went through, oldest first, starting with `interest` on opening; the last is `stage`. */
  history: { stage: DealStage; daysAgo: number; by: string; note?: string }[];
  /**
   * The NDA on the offer's confidential details, as the deals module's steps:
   * the counterpart accepts, the offer's owner approves (or grants) and may revoke.
   * Status: none | accepted (requested, awaiting approval) | granted | revoked (declined).
   */
  nda: {
    status: 'none' | 'accepted' | 'granted' | 'revoked';
    steps: { action: NdaAction; daysAgo: number; by: string }[];
  };
  /** The chat, oldest first; `from` is a member of a participating organisation. */
  messages: { daysAgo: number; from: string; body: string }[];
  /** Won deals: the contract (a transfer mode code), its value and date. */
  outcome: { contractType: string; valueVnd: number; daysAgo: number; note: string } | null;
}

export interface WorldEvent {
  key: string;
  /** The agency organising it. */
  organizer: string;
  status: 'published';
  kind: 'techmart' | 'brokerage';
  title: string;
  description: string;
  /** First day, relative to the seeding day (negative: in the past); `days` long, each from dailyStart to dailyEnd (Asia/Ho_Chi_Minh). */
  startsInDays: number;
  days: number;
  dailyStart: string;
  dailyEnd: string;
  registrationClosesInDays: number;
  location: { venue: string; address: string; province: string };
  sectors: string[];
  slotMinutes: number;
  tables: number;
  /** Daily breaks (local times). */
  breaks: { start: string; end: string }[];
  participants: { org: string; listings: string[] }[];
  meetings: {
    requester: string;
    invitee: string;
    status: 'requested' | 'accepted' | 'declined' | 'cancelled';
    attendance?: 'held' | 'no_show';
    listings: string[];
    message: string;
  }[];
}

export const worldOrganizations = organizationsData as WorldOrganization[];
export const worldOffers = offersData as WorldOffer[];
export const worldDemands = demandsData as WorldDemand[];
export const worldDeals = dealsData as WorldDeal[];
export const worldEvents = eventsData as WorldEvent[];

const DAY_MS = 86_400_000;

/** The moment `days` days before `now` (the seeding day). */
export const daysAgo = (days: number, now: Date = new Date()): Date => new Date(now.getTime() - days * DAY_MS);
