import {
  type ListingLang,
  type OfferDto,
  type OfferInput,
  type OfferUpdate,
  offerCreateSchema,
  offerUpdateSchema,
} from '@techbridge/shared';
import {
  amountText,
  changedKeys,
  type ListItem,
  listItem,
  parseAmount,
  requireFilled,
  toFieldErrors,
  translationInput,
} from '../../forms/formTools';
import { type ValidationResult, validate } from '../../forms/validate';

/** Offer form values, keyed by the same dotted paths the schema and server use for errors. */
export interface OfferValues {
  lang: ListingLang;
  title: string;
  summary: string;
  description: string;
  /** The title and summary in the other language (optional). */
  'translation.title': string;
  'translation.summary': string;
  sectors: string[];
  keywords: string[];
  province: string;
  trl: string;
  'ip.type': string;
  'ip.status': string;
  'ip.number': string;
  transferModes: string[];
  'price.min': string;
  'price.max': string;
  'price.negotiable': boolean;
  'price.currency': string;
  applications: ListItem[];
  'confidential.details': string;
}

export type OfferField = Exclude<keyof OfferValues, 'price.currency'>;

/** Form order, for moving focus to the first error. */
export const offerFieldOrder: readonly OfferField[] = [
  'lang',
  'title',
  'summary',
  'description',
  'translation.title',
  'translation.summary',
  'sectors',
  'keywords',
  'province',
  'trl',
  'ip.type',
  'ip.status',
  'ip.number',
  'transferModes',
  'price.min',
  'price.max',
  'price.negotiable',
  'applications',
  'confidential.details',
];

const aliases = {
  ip: 'ip.type',
  price: 'price.min',
  confidential: 'confidential.details',
  translation: 'translation.title',
};

export function emptyOfferValues(province = ''): OfferValues {
  return {
    lang: 'vi',
    title: '',
    summary: '',
    description: '',
    'translation.title': '',
    'translation.summary': '',
    sectors: [],
    keywords: [],
    province,
    trl: '',
    'ip.type': '',
    'ip.status': '',
    'ip.number': '',
    transferModes: [],
    'price.min': '',
    'price.max': '',
    'price.negotiable': true,
    'price.currency': 'VND',
    applications: [listItem()],
    'confidential.details': '',
  };
}

export function offerValuesFrom(offer: OfferDto): OfferValues {
  return {
    lang: offer.lang ?? 'vi',
    title: offer.title,
    summary: offer.summary,
    description: offer.description,
    'translation.title': offer.translation?.title ?? '',
    'translation.summary': offer.translation?.summary ?? '',
    sectors: [...offer.sectors],
    keywords: [...offer.keywords],
    province: offer.province,
    trl: String(offer.trl),
    'ip.type': offer.ip.type,
    'ip.status': offer.ip.status,
    'ip.number': offer.ip.number ?? '',
    transferModes: [...offer.transferModes],
    'price.min': amountText(offer.price.min),
    'price.max': amountText(offer.price.max),
    'price.negotiable': offer.price.negotiable,
    'price.currency': offer.price.currency,
    applications: offer.applications.length ? offer.applications.map((a) => listItem(a)) : [listItem()],
    'confidential.details': offer.confidential?.details ?? '',
  };
}

/** The request body the values stand for, before validation. */
function toInput(v: OfferValues) {
  return {
    lang: v.lang,
    translation: translationInput(v),
    title: v.title,
    summary: v.summary,
    description: v.description,
    sectors: v.sectors,
    keywords: v.keywords,
    trl: v.trl ? Number(v.trl) : undefined,
    province: v.province || undefined,
    transferModes: v.transferModes,
    ip: {
      type: v['ip.type'] || undefined,
      status: v['ip.status'] || undefined,
      number: v['ip.number'].trim() || undefined,
    },
    price: {
      min: parseAmount(v['price.min']),
      max: parseAmount(v['price.max']),
      currency: v['price.currency'],
      negotiable: v['price.negotiable'],
    },
    applications: v.applications.map((a) => a.text.trim()).filter(Boolean),
    confidential: { details: v['confidential.details'].trim() || undefined },
  };
}

export function offerErrors(errors: Record<string, string>, values?: OfferValues) {
  const mapped = toFieldErrors(errors, offerFieldOrder, aliases);
  return values
    ? requireFilled(mapped, { ...values }, ['title', 'summary', 'province', 'trl', 'ip.type', 'ip.status'])
    : mapped;
}

/** New offer: the whole body, checked with offerCreateSchema. */
export function validateNewOffer(values: OfferValues): ValidationResult<OfferInput> {
  const result = validate(offerCreateSchema, toInput(values));
  return result.ok ? result : { ok: false, errors: offerErrors(result.errors, values) };
}

/**
 * Edit: the whole form must still be valid, but only the fields that changed
 * since `baseline` are sent, checked with offerUpdateSchema.
 */
export function validateOfferChanges(values: OfferValues, baseline: OfferValues): ValidationResult<OfferUpdate> {
  const current = validateNewOffer(values);
  if (!current.ok) return current;
  const before = offerCreateSchema.safeParse(toInput(baseline));
  const patch = before.success ? changedKeys(current.data, before.data) : current.data;
  const result = validate(offerUpdateSchema, patch);
  return result.ok ? result : { ok: false, errors: offerErrors(result.errors, values) };
}
