import crypto from 'node:crypto';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The mail queue: mails accepted for sending and not sent yet. `_id` is
 * derived from the mail's key (see mailId), so queueing the same mail twice
 * (a retried event, two instances preparing one digest) stores it once.
 * Sent mails leave the queue (it stays small: the sender claims with a
 * query) and are remembered in the mail log under the same `_id`.
 */
const mailQueueSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    headers: { type: Schema.Types.Mixed, default: {} },
    /** Not sent before this (a delayed mail, or the back-off after a failure). */
    sendAfter: { type: Date, required: true },
    /** Checked just before sending; a mail whose guard says no is dropped (see MailQueue.guard). */
    guard: { type: Schema.Types.Mixed, default: null },
    attempts: { type: Number, default: 0 },
    claimedAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    /** Given up (refused for good by the server, or too many attempts): kept for the record, never retried. */
    failedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false, versionKey: false },
);

/**
 * What became of each mail (`_id`: the mail's id): sent, skipped by its
 * guard, or failed; and each send attempt's claim (`claim:<id>:<attempt>`),
 * so that two instances never send one attempt twice. Pruned after 30 days.
 */
const mailLogSchema = new Schema(
  {
    _id: { type: String, required: true },
    outcome: { type: String, enum: ['sent', 'skipped', 'failed', 'claim'], required: true },
    at: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export interface QueuedMail {
  _id: string;
  key: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  sendAfter: Date;
  guard: { name: string; arg: unknown } | null;
  attempts: number;
  claimedAt: Date | null;
  lastError: string | null;
  failedAt: Date | null;
  createdAt?: Date;
}
export interface MailLogEntry {
  _id: string;
  outcome: 'sent' | 'skipped' | 'failed' | 'claim';
  at: Date;
}
export type MailQueueModel = Model<QueuedMail>;
export type MailLogModel = Model<MailLogEntry>;

export const mailModels = [
  { name: 'MailQueue', schema: mailQueueSchema, collection: 'mailqueue' },
  { name: 'MailLog', schema: mailLogSchema, collection: 'maillog' },
] as const;

export const mailQueueModels = (connection: Connection) => ({
  queue: connection.model('MailQueue') as MailQueueModel,
  log: connection.model('MailLog') as MailLogModel,
});

/** The `_id` of the mail a key stands for. */
export const mailId = (key: string) =>
  crypto.createHash('sha256').update(`mail:${key}`).digest('base64url').slice(0, 32);
