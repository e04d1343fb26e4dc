import crypto from 'node:crypto';
import { type InferSchemaType, type Model, Schema, Types } from 'mongoose';
import type { ModelDefinition } from '../../platform/db';

/**
 * One per recipient user; `data` holds what the client needs to render and
 * link it. Its `_id` is derived from what it announces (see notificationId),
 * so a retried event processor stores it once and never pushes it twice.
 */
export const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    readAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);

/**
 * A user's inbox: the ids of their newest notifications (newest last) and
 * how many are unread, so listing them and pushing the count are `_id`
 * lookups. Kept with every notification and every read, under the user's lock.
 */
export const inboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    ids: { type: [String], default: [] },
    unread: { type: Number, default: 0 },
  },
  { strict: 'throw', versionKey: false },
);

/** The `_id` of the notification a key stands for ("<event id>:<user id>:<kind>", say). */
export const notificationId = (key: string) =>
  new Types.ObjectId(crypto.createHash('sha256').update(`notification:${key}`).digest().subarray(0, 12));

const modeField = { type: String, enum: ['immediate', 'digest', 'off'] };

/** A user's e-mail preferences per kind (`_id`: the user id); absent kinds take the defaults. */
export const mailPreferenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    matches: modeField,
    dealMessages: modeField,
    dealUpdates: modeField,
    savedSearches: modeField,
    decisions: modeField,
  },
  { strict: 'throw', versionKey: false },
);

/** A day's digest run that went through every user (`_id`: the day, e.g. 2026-03-15): later passes skip it. */
export const digestRunSchema = new Schema(
  { _id: { type: String, required: true }, users: Number, mails: Number, doneAt: Date },
  { strict: 'throw', versionKey: false },
);

export type Notification = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type NotificationModel = Model<InferSchemaType<typeof notificationSchema>>;
export type Inbox = InferSchemaType<typeof inboxSchema> & { _id: string };
export type InboxModel = Model<InferSchemaType<typeof inboxSchema>>;
export type MailPreferenceModel = Model<InferSchemaType<typeof mailPreferenceSchema>>;
export type DigestRunModel = Model<InferSchemaType<typeof digestRunSchema>>;

export const notificationModels: ModelDefinition[] = [
  { name: 'Notification', schema: notificationSchema },
  { name: 'Inbox', schema: inboxSchema, collection: 'inboxes' },
  { name: 'MailPreference', schema: mailPreferenceSchema, collection: 'mailpreferences' },
  { name: 'DigestRun', schema: digestRunSchema, collection: 'digestruns' },
];
