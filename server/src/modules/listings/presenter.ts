import type { DemandDto, ListingImageDto, ListingType, OfferDto, OrganizationDto } from '@techbridge/shared';
import type { Attachment, Demand, ListingImage, Offer } from './model';

type OrgSummary = Pick<OrganizationDto, 'id' | 'name' | 'type' | 'province' | 'verified'>;

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentAttachment(a: Attachment) {
  return {
    id: String(a._id),
    name: a.name,
    type: a.type,
    size: a.size,
    uploadedAt: new Date(a.uploadedAt).toISOString(),
  };
}

/** The URL of an image rendition: served by the listing's image route, to whoever may read the listing. */
export const listingImageUrl = (type: ListingType, listingId: string, imageId: string, size: 'large' | 'thumb') =>
  `/api/${type}s/${listingId}/images/${imageId}/${size}`;

export function presentImage(type: ListingType, listingId: string, alt: string, i: ListingImage): ListingImageDto {
  return {
    id: String(i._id),
    url: listingImageUrl(type, listingId, String(i._id), 'large'),
    thumbUrl: listingImageUrl(type, listingId, String(i._id), 'thumb'),
    width: i.width,
    height: i.height,
    thumbWidth: i.thumbWidth,
    thumbHeight: i.thumbHeight,
    alt,
  };
}

/** A listing's images, the cover first; their text alternative is the listing's title. */
export function presentImages(
  type: ListingType,
  l: Pick<Offer | Demand, '_id' | 'title' | 'images'>,
): ListingImageDto[] {
  return ((l.images ?? []) as ListingImage[]).map((i) => presentImage(type, String(l._id), l.title, i));
}

function base(type: ListingType, l: Offer | Demand, org: OrgSummary) {
  return {
    id: String(l._id),
    type,
    status: l.status as OfferDto['status'],
    lang: (l.lang ?? 'vi') as OfferDto['lang'],
    translation: {
      ...(l.translation?.title ? { title: l.translation.title } : {}),
      ...(l.translation?.summary ? { summary: l.translation.summary } : {}),
    },
    title: l.title,
    sectors: l.sectors,
    keywords: l.keywords,
    province: l.province,
    transferModes: l.transferModes,
    organization: org,
    authorId: String(l.authorId),
    attachments: (l.attachments as Attachment[]).map(presentAttachment),
    images: presentImages(type, l),
    views: l.views,
    rejectionReason: l.rejectionReason ?? null,
    createdAt: new Date(l.createdAt).toISOString(),
    updatedAt: new Date(l.updatedAt).toISOString(),
    publishedAt: iso(l.publishedAt),
  };
}

/**
 * The only way an offer leaves the server. `confidential` is included only
 * when the caller's policy says the viewer may see it.
 */
export function presentOffer(o: Offer, org: OrgSummary, options: { confidential: boolean }): OfferDto {
  return {
    ...base('offer', o, org),
    type: 'offer',
    summary: o.summary,
    description: o.description ?? '',
    trl: o.trl,
    ip: { type: o.ip?.type ?? '', status: o.ip?.status ?? 'none', ...(o.ip?.number ? { number: o.ip.number } : {}) },
    price: {
      ...(o.price?.min != null ? { min: o.price.min } : {}),
      ...(o.price?.max != null ? { max: o.price.max } : {}),
      currency: o.price?.currency ?? 'VND',
      negotiable: o.price?.negotiable ?? false,
    },
    applications: o.applications ?? [],
    ...(options.confidential
      ? { confidential: { ...(o.confidential?.details ? { details: o.confidential.details } : {}) } }
      : {}),
  };
}

export function presentDemand(d: Demand, org: OrgSummary): DemandDto {
  return {
    ...base('demand', d, org),
    type: 'demand',
    problem: d.problem,
    ...(d.requirements ? { requirements: d.requirements } : {}),
    ...(d.trlMin != null ? { trlMin: d.trlMin } : {}),
    budget: { ...(d.budget?.max != null ? { max: d.budget.max } : {}), currency: d.budget?.currency ?? 'VND' },
    ...(d.deadline ? { deadline: new Date(d.deadline).toISOString().slice(0, 10) } : {}),
  };
}
