import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The outbox: events moved out of the documents that carried them, until
 * every processor has handled them. `_id` is the event's own id, so moving
 * an event twice stores it once. Delivered events are deleted; the outbox
 * stays small (FerretDB scans it to claim the next event).
 */
const outboxSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true },
    /** Processors that have handled the event (a retry runs only the others). */
    done: { type: [String], default: [] },
    claimedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { strict: 'throw', minimize: false, versionKey: false },
);

export interface OutboxEntry {
  _id: string;
  type: string;
  data: unknown;
  at: Date;
  done: string[];
  claimedAt: Date | null;
  attempts: number;
  lastError: string | null;
}
export type OutboxModel = Model<OutboxEntry>;

export const outboxModels = [{ name: 'Outbox', schema: outboxSchema, collection: 'outbox' }] as const;

export const outboxModel = (connection: Connection) => connection.model('Outbox') as OutboxModel;
