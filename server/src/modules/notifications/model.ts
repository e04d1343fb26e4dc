import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

/** One per recipient user; `data` holds what the client needs to render and link it. */
export const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    type: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    readAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw', minimize: false },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
notificationSchema.index({ userId: 1, readAt: 1 });

export type Notification = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export type NotificationModel = Model<InferSchemaType<typeof notificationSchema>>;
