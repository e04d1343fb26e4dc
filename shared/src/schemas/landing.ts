import type { SearchHit } from './listings';

/** The landing page's live figures (GET /api/landing): counted in the search index or kept by a background count. */
export interface LandingDto {
  counters: {
    /** Published offers and demands (what search holds). */
    offers: number;
    demands: number;
    /** Deals not yet won or lost; null until the background count has run once after start. */
    dealsUnderWay: number | null;
    /** Provinces with at least one published listing. */
    provinces: number;
  };
  /** Published listings per sector code. */
  sectors: Record<string, number>;
  /** The most recently published offers and demands (three each), as search hits. */
  newest: { offers: SearchHit[]; demands: SearchHit[] };
}
