import { organizationTypeCodes, provinceCodes } from '@techbridge/shared';
import { type InferSchemaType, type Model, Schema, type Types } from 'mongoose';

export const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    type: { type: String, required: true, enum: organizationTypeCodes },
    province: { type: String, required: true, enum: provinceCodes },
    verified: { type: Boolean, default: false },
    status: { type: String, enum: ['active', 'suspended'], default: 'active' },
  },
  { timestamps: true, strict: 'throw' },
);

export type Organization = InferSchemaType<typeof organizationSchema> & { _id: Types.ObjectId };
export type OrganizationModel = Model<InferSchemaType<typeof organizationSchema>>;
