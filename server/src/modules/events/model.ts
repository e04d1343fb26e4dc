import crypto from 'node:crypto';
import { eventKinds, eventStatuses, meetingAttendances, meetingStatuses, unplacedReasons } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';
import { pendingEventsField } from '../../platform/events/pending';
import { keyIndexDefinition } from '../../platform/keyIndex';

const intervalSchema = new Schema(
  { start: { type: Date, required: true }, end: { type: Date, required: true } },
  { _id: false },
);

/** A meeting's place in the schedule: its slot (start, end) and table. */
const placementSchema = new Schema(
  {
    meetingId: { type: Schema.Types.ObjectId, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    table: { type: Number, required: true },
  },
  { _id: false },
);

const runSchema = new Schema(
  {
    at: { type: Date, required: true },
    byUserId: { type: Schema.Types.ObjectId, default: null },
    placed: { type: Number, default: 0 },
    kept: { type: Number, default: 0 },
    moved: { type: Number, default: 0 },
    unplaced: {
      type: [
        {
          _id: false,
          meetingId: { type: Schema.Types.ObjectId, required: true },
          reason: { type: String, enum: unplacedReasons, required: true },
        },
      ],
      default: [],
    },
  },
  { _id: false },
);

/**
 * A Techmart or a brokerage day. Its schedule (every placed meeting's slot
 * and table) lives on the event, so a scheduler run is one single-document
 * write carrying the event that announces it; meetings hold their own state
 * (requested, accepted, attended, the deal they started).
 */
export const eventSchema = new Schema(
  {
    title: { type: String, required: true },
    description: { type: String, default: '' },
    kind: { type: String, enum: eventKinds, required: true },
    status: { type: String, enum: eventStatuses, default: 'draft' },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    timezone: { type: String, required: true },
    location: {
      type: new Schema({ venue: String, address: String, province: String }, { _id: false }),
      default: null,
    },
    online: { type: Boolean, default: false },
    onlineUrl: { type: String, default: null },
    province: { type: String, default: null },
    sectors: { type: [String], default: [] },
    slotMinutes: { type: Number, required: true },
    tables: { type: Number, required: true },
    registrationClosesAt: { type: Date, required: true },
    breaks: { type: [intervalSchema], default: [] },
    /** The organising organisation; null for an event created by a platform administrator. */
    organizerOrgId: { type: Schema.Types.ObjectId, default: null },
    organizerName: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    publishedAt: { type: Date, default: null },
    /** Booth numbers handed out so far (each registration gets the next). */
    boothSeq: { type: Number, default: 0 },
    participantCount: { type: Number, default: 0 },
    schedule: { type: [placementSchema], default: [] },
    scheduleVersion: { type: Number, default: 0 },
    lastRun: { type: runSchema, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

/** A listing at a booth: what the catalogue shows and what scoring needs (never confidential details). */
const boothListingSchema = new Schema(
  {
    type: { type: String, enum: ['offer', 'demand'], required: true },
    id: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    sectors: { type: [String], default: [] },
    province: { type: String, default: '' },
    trl: { type: Number, default: null },
    /** The listing's public fields as scoreMatch reads them (OfferForMatch or DemandForMatch). */
    forMatch: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);

/** An organisation registered for an event; `_id` derived from the event and the organisation (participantId). */
export const participantSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['registered', 'withdrawn'], default: 'registered' },
    booth: { type: Number, required: true },
    listings: { type: [boothListingSchema], default: [] },
    /** When it can meet; empty: the whole event. */
    availability: { type: [intervalSchema], default: [] },
    registeredBy: { type: Schema.Types.ObjectId, required: true },
    registeredAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

/**
 * A meeting between two participants of an event, one per pair and event
 * (`_id` derived from both, see meetingId): asked by one, answered by the
 * other; its slot is in the event's schedule.
 */
export const meetingSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    requesterOrgId: { type: Schema.Types.ObjectId, required: true },
    recipientOrgId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: meetingStatuses, default: 'requested' },
    message: { type: String, default: null },
    listings: {
      type: [{ _id: false, type: { type: String }, id: Schema.Types.ObjectId, title: String }],
      default: [],
    },
    /** The strength of the pair (its best offer ↔ demand score): the scheduler places strong meetings first. */
    score: { type: Number, default: 0 },
    reasons: { type: [Schema.Types.Mixed], default: [] },
    offerId: { type: Schema.Types.ObjectId, default: null },
    demandId: { type: Schema.Types.ObjectId, default: null },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    requestedAt: { type: Date, required: true },
    answeredBy: { type: Schema.Types.ObjectId, default: null },
    answeredAt: { type: Date, default: null },
    attendance: { type: String, enum: [...meetingAttendances, null], default: null },
    dealId: { type: Schema.Types.ObjectId, default: null },
    ...pendingEventsField,
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

const derivedId = (key: string) => new Types.ObjectId(crypto.createHash('sha256').update(key).digest().subarray(0, 12));

/** The `_id` of an organisation's registration for an event. */
export const participantId = (eventId: unknown, orgId: unknown) => derivedId(`event-participant:${eventId}:${orgId}`);

/** The `_id` of the meeting of two organisations at an event (the same whichever asked). */
export const meetingId = (eventId: unknown, orgA: unknown, orgB: unknown) => {
  const [a, b] = [String(orgA), String(orgB)].sort();
  return derivedId(`event-meeting:${eventId}:${a}:${b}`);
};

export type Event = InferSchemaType<typeof eventSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type Participant = InferSchemaType<typeof participantSchema> & { _id: Types.ObjectId };
export type Meeting = InferSchemaType<typeof meetingSchema> & { _id: Types.ObjectId; createdAt: Date };
export type BoothListing = Participant['listings'][number];
export type Placement = { meetingId: Types.ObjectId; start: Date; end: Date; table: number };
export type EventModel = Model<InferSchemaType<typeof eventSchema>>;
export type ParticipantModel = Model<InferSchemaType<typeof participantSchema>>;
export type MeetingModel = Model<InferSchemaType<typeof meetingSchema>>;

export const eventModels: ModelDefinition[] = [
  { name: 'Event', schema: eventSchema },
  { name: 'EventParticipant', schema: participantSchema, collection: 'eventparticipants' },
  { name: 'EventMeeting', schema: meetingSchema, collection: 'eventmeetings' },
  /** Key collection: 'all' → the ids of published events. */
  keyIndexDefinition('PublishedEvents', 'publishedevents'),
  /** Key collection: organisation id (or 'admin' for administrators' own) → the events it organises. */
  keyIndexDefinition('OrganizerEvents', 'organizerevents'),
  /** Key collection: organisation id → the events it is registered for. */
  keyIndexDefinition('ParticipantEvents', 'participantevents'),
  /** Key collection: event id → the organisation ids registered for it. */
  keyIndexDefinition('EventParticipantIds', 'eventparticipantids'),
  /** Key collection: event id → its meeting ids; "<event id>:<organisation id>" → that organisation's. */
  keyIndexDefinition('EventMeetingIds', 'eventmeetingids'),
];
