/** The gazetteer's vocabulary (categories, precisions), apart from the schemas in ./model.ts. */
export const CATEGORIES = [
  'subdistrict',
  'district',
  'wholesale-market',
  'heritage',
  'park',
  'greenway',
  'water',
  'renovation',
  'housing',
  'road',
  'cultural-venue',
  'commercial',
  'transport',
  'school',
  'hospital',
  'elderly-care',
  'sports',
  'institution',
  'area',
  'region',
  'event',
  'organisation',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * `unlocated`: a place with a site of its own that no found source locates; it is not drawn (a
 * guessed point would show a guess as a place), and its note says what was searched.
 * `placed-by-user`: a point a planner put on the map by tapping it in the browser (a candidate of an
 * opened report), within uncertainty_m; a curator checks it against a source before relying on it.
 */
export const PRECISIONS = ['exact', 'approximate', 'area', 'district-wide', 'no-site', 'compound', 'unlocated', 'placed-by-user'] as const;
export type Precision = (typeof PRECISIONS)[number];
/** Precisions of things that are drawn on the map. */
export const MAPPED_PRECISIONS: ReadonlySet<Precision> = new Set(['exact', 'approximate', 'area', 'placed-by-user']);
