/** A listing's code lists (plain values, no zod: the search page's code reads them). */
export const listingStatuses = ['draft', 'pending_review', 'published', 'rejected', 'archived'] as const;
export type ListingStatus = (typeof listingStatuses)[number];
export const listingTypes = ['offer', 'demand'] as const;
export type ListingType = (typeof listingTypes)[number];
export const currencies = ['VND', 'USD'] as const;
/** The languages a listing can be written in. */
export const listingLangs = ['vi', 'en'] as const;
export type ListingLang = (typeof listingLangs)[number];
export const searchSorts = ['relevance', 'newest', 'trl_desc', 'trl_asc'] as const;
