import { z } from 'zod';
import { CATEGORIES, PRECISIONS, SourceSchema } from '../gazetteer/model';
import { Geometry } from '../geo/schema';
import { FactSchema, PHASES, THEMES } from '../report/model';

export const PlaceProps = z.object({
  name: z.string(),
  name_en: z.string(),
  aliases: z.array(z.string()),
  /** Toneless pinyin, syllables separated by spaces (shi cha hai), and initials (sch), for search. */
  pinyin: z.string(),
  initials: z.string(),
  category: z.enum(CATEGORIES),
  precision: z.enum(PRECISIONS),
  uncertainty_m: z.number().positive().optional(),
  source: SourceSchema,
  /** Where the geometry itself came from: "inline" (the gazetteer record) or file#selector. */
  geometry_source: z.string(),
  inXicheng: z.boolean(),
  /** The 街道 containing the place (point-in-polygon), for in-district places with a geometry. */
  subdistrict: z.string().optional(),
  mentions: z.number().int().nonnegative(),
  paragraphs: z.array(z.string()),
  themes: z.array(z.enum(THEMES)),
  phases: z.array(z.enum(PHASES)),
  parts: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  gazetteer: z.object({ file: z.string(), line: z.number().int().positive() }),
});
export type PlacePropsT = z.infer<typeof PlaceProps>;

export const PlaceFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: Geometry.nullable(),
  properties: PlaceProps,
});
export type PlaceFeatureT = z.infer<typeof PlaceFeature>;
export const PlacesCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(PlaceFeature) });
export type PlacesCollectionT = z.infer<typeof PlacesCollection>;

export const MentionSchema = z.object({
  placeId: z.string(),
  paragraphId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  via: z.string().optional(),
});
export const MentionsSchema = z.array(MentionSchema);

export const ProjectSchema = z.object({
  id: z.string(),
  placeId: z.string(),
  paragraphId: z.string(),
  /** The sentence, as offsets into the paragraph and as its text (the report's own words). */
  sentence: z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  quote: z.string().min(1),
  mention: z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  action: z.string().optional(),
  phase: z.enum(PHASES),
  theme: z.enum(THEMES),
  facts: z.array(FactSchema),
});
export type ProjectT = z.infer<typeof ProjectSchema>;
export const ProjectsSchema = z.array(ProjectSchema);

export const CandidateSummary = z.object({
  name: z.string(),
  count: z.number().int().positive(),
  paragraphs: z.array(z.string()),
  score: z.number(),
  /** The category its suffix suggests (a curator's starting point, not a finding). */
  category: z.enum(CATEGORIES),
  /** Up to three sentences it occurs in. */
  sentences: z.array(z.string()),
});
export const QualitySchema = z.object({
  counts: z.object({
    paragraphs: z.number().int(),
    places: z.number().int(),
    mapped: z.number().int(),
    mentions: z.number().int(),
    placesMentioned: z.number().int(),
    projects: z.number().int(),
    byPrecision: z.record(z.string(), z.number().int()),
    bySourceKind: z.record(z.string(), z.number().int()),
  }),
  candidates: z.array(CandidateSummary),
  neverMentioned: z.array(z.string()),
  estimated: z.array(z.object({ id: z.string(), name: z.string(), uncertainty_m: z.number().optional(), precision: z.string() })),
});
export type QualityT = z.infer<typeof QualitySchema>;
