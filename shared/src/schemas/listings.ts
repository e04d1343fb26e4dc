import { ipStatusCodes, ipTypeCodes, provinceCodes, sectorCodes, transferModeCodes } from '../taxonomies';
import { text } from './common';
import {
  currencies,
  type ListingLang,
  type ListingStatus,
  type ListingType,
  listingLangs,
  listingStatuses,
  listingTypes,
  searchSorts,
} from './listingCodes';
import { z } from './zod';

const codeEnum = (codes: string[], key: string) => z.enum(codes as [string, ...string[]], key);

// The code lists live in a module without zod, so the search page's code does not carry zod.
export * from './listingCodes';

const title = text(5, 200);
const sectorsField = z.array(codeEnum(sectorCodes, 'sector'), 'required').min(1, 'at_least_one').max(5, 'too_many');
// One character is a word in Vietnamese ("ủ": to compost).
const keywordsField = z
  .array(text(1, 60, 'keyword'), 'invalid_type')
  .max(20, 'too_many')
  .default([]);
const provinceField = codeEnum(provinceCodes, 'province');
const transferModesField = z
  .array(codeEnum(transferModeCodes, 'transfer_mode'), 'required')
  .min(1, 'at_least_one')
  .max(transferModeCodes.length, 'too_many');
const money = z.number('number').finite('number').min(0, 'positive').max(1e15, 'too_long');

export const ipSchema = z.strictObject(
  {
    type: codeEnum(ipTypeCodes, 'ip_type'),
    status: codeEnum(ipStatusCodes, 'ip_status'),
    number: text(0, 60, 'invalid_type').optional(),
  },
  'required',
);

export const priceSchema = z
  .strictObject(
    {
      min: money.optional(),
      max: money.optional(),
      currency: z.enum(currencies, 'currency').default('VND'),
      negotiable: z.boolean('invalid_type').default(false),
    },
    'invalid_type',
  )
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, {
    message: 'price_range',
    path: ['min'],
  });

const langField = z.enum(listingLangs, 'lang').default('vi');
/** The title and summary in the listing's other language, for readers of that language (optional). */
const translationField = z
  .strictObject(
    {
      title: title.optional(),
      summary: text(20, 1000, 'invalid_type').optional(),
    },
    'invalid_type',
  )
  .default({});

const offerShape = {
  lang: langField,
  translation: translationField,
  title,
  summary: text(20, 1000),
  description: text(0, 20_000, 'invalid_type').default(''),
  sectors: sectorsField,
  keywords: keywordsField,
  trl: z.number('trl').int('trl').min(1, 'trl').max(9, 'trl'),
  province: provinceField,
  transferModes: transferModesField,
  ip: ipSchema,
  price: priceSchema.default({ currency: 'VND', negotiable: true }),
  applications: z
    .array(text(2, 200, 'invalid_type'), 'invalid_type')
    .max(10, 'too_many')
    .default([]),
  /** Only the owner organisation, and deal counterparts after an NDA, ever see this. */
  confidential: z.strictObject({ details: text(0, 20_000, 'invalid_type').optional() }, 'invalid_type').default({}),
};

export const offerCreateSchema = z.strictObject(offerShape);
export type OfferInput = z.infer<typeof offerCreateSchema>;
/** An update names only the fields it changes; defaults are not re-applied. */
export const offerUpdateSchema = z
  .strictObject({
    ...offerShape,
    lang: langField.removeDefault(),
    translation: translationField.removeDefault(),
    description: offerShape.description.removeDefault(),
    keywords: keywordsField.removeDefault(),
    price: priceSchema,
    applications: offerShape.applications.removeDefault(),
    confidential: offerShape.confidential.removeDefault(),
  })
  .partial();
export type OfferUpdate = z.infer<typeof offerUpdateSchema>;

const demandShape = {
  lang: langField,
  translation: translationField,
  title,
  problem: text(20, 5000),
  requirements: text(0, 5000, 'invalid_type').optional(),
  sectors: sectorsField,
  keywords: keywordsField,
  province: provinceField,
  trlMin: z.number('trl').int('trl').min(1, 'trl').max(9, 'trl').optional(),
  budget: z
    .strictObject({ max: money.optional(), currency: z.enum(currencies, 'currency').default('VND') }, 'invalid_type')
    .default({ currency: 'VND' }),
  deadline: z.iso.date('date').optional(),
  transferModes: transferModesField,
};

export const demandCreateSchema = z.strictObject(demandShape);
export type DemandInput = z.infer<typeof demandCreateSchema>;
export const demandUpdateSchema = z
  .strictObject({
    ...demandShape,
    lang: langField.removeDefault(),
    translation: translationField.removeDefault(),
    keywords: keywordsField.removeDefault(),
    budget: demandShape.budget.removeDefault(),
  })
  .partial();
export type DemandUpdate = z.infer<typeof demandUpdateSchema>;

export const rejectSchema = z.strictObject({
  reason: text(5, 1000),
});

const csv = (codes: string[], key: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(codeEnum(codes, key)).max(codes.length, 'too_many'));

/** GET /api/search query string. Province accepts a code or any current or legacy name. */
export const searchQuerySchema = z.strictObject({
  q: z.string('invalid_type').trim().max(200, 'too_long').default(''),
  type: z.enum(listingTypes, 'invalid_type').optional(),
  sector: csv(sectorCodes, 'sector').optional(),
  province: z.string('province').trim().max(80, 'too_long').optional(),
  trlMin: z.coerce.number('trl').int('trl').min(1, 'trl').max(9, 'trl').optional(),
  ipStatus: csv(ipStatusCodes, 'ip_status').optional(),
  transferMode: csv(transferModeCodes, 'transfer_mode').optional(),
  orgType: z.string('invalid_type').trim().max(40, 'too_long').optional(),
  /** One organisation's published listings (its public profile). */
  org: z
    .string('object_id')
    .regex(/^[a-f0-9]{24}$/i, 'object_id')
    .optional(),
  sort: z.enum(searchSorts, 'invalid_type').default('relevance'),
  /** Listings written in one language only. */
  lang: z.enum(listingLangs, 'lang').optional(),
  page: z.coerce.number('number').int('number').min(1, 'number').max(1000, 'too_long').default(1),
  limit: z.coerce.number('number').int('number').min(1, 'number').max(100, 'too_long').default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface AttachmentDto {
  id: string;
  name: string;
  type: string;
  size: number;
  uploadedAt: string;
}

/** A listing image: the cover comes first. URLs are the API's (`/api/offers/{id}/images/{imageId}/large|thumb`). */
export interface ListingImageDto {
  id: string;
  /** The large rendition (at most 1200 pixels wide, WebP). */
  url: string;
  /** The thumbnail (at most 400 pixels wide, WebP). */
  thumbUrl: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  /** Text for screen readers: the listing's title. */
  alt: string;
}

interface ListingBaseDto {
  id: string;
  type: ListingType;
  status: ListingStatus;
  /** The language the listing is written in. */
  lang: ListingLang;
  /** Its title and summary in the other language, when the owner gave them. */
  translation: { title?: string; summary?: string };
  title: string;
  sectors: string[];
  keywords: string[];
  province: string;
  transferModes: string[];
  organization: { id: string; name: string; type: string; province: string; verified: boolean };
  authorId: string;
  attachments: AttachmentDto[];
  /** Images, the cover first. */
  images: ListingImageDto[];
  views: number;
  rejectionReason: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface OfferDto extends ListingBaseDto {
  type: 'offer';
  summary: string;
  description: string;
  trl: number;
  ip: { type: string; status: string; number?: string };
  price: { min?: number; max?: number; currency: string; negotiable: boolean };
  applications: string[];
  /** Present only for viewers allowed to see it. */
  confidential?: { details?: string };
}

export interface DemandDto extends ListingBaseDto {
  type: 'demand';
  problem: string;
  requirements?: string;
  trlMin?: number;
  budget: { max?: number; currency: string };
  deadline?: string;
}

export type ListingDto = OfferDto | DemandDto;

/** What the viewer may do with a listing, computed on the server by its policy. */
export interface ListingPolicies {
  update: boolean;
  delete: boolean;
  publish: boolean;
  archive: boolean;
  moderate: boolean;
  seeConfidential: boolean;
}

export interface SearchHit {
  id: string;
  type: ListingType;
  lang: ListingLang;
  title: string;
  summary: string;
  organization: { id: string; name: string };
  sectors: string[];
  province: string;
  trl: number | null;
  ipStatus: string | null;
  transferModes: string[];
  publishedAt: string | null;
  /** The cover's thumbnail URL (400 pixels wide), or null when the listing has no image. */
  image: string | null;
  /** HTML-escaped text with the matched words wrapped in <mark>. */
  highlight: { title: string; summary: string };
}

export interface SearchResponse {
  hits: SearchHit[];
  facets: Record<
    'sector' | 'province' | 'trl' | 'ipStatus' | 'transferMode' | 'orgType' | 'type',
    Record<string, number>
  >;
  total: number;
  page: number;
  limit: number;
}

/** GET /offers/mine and /demands/mine. */
export const mineQuerySchema = z.strictObject({ status: z.enum(listingStatuses, 'invalid_type').optional() });
