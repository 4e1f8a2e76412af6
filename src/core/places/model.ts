import { z } from 'zod';
import { CATEGORIES, PRECISIONS, SourceSchema } from '../gazetteer/model';
import { DerivationInfo } from '../geo/ground';
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
  /** A point on the drawn shape (half-way along a line, inside an area) for its name on the map. */
  label: z.tuple([z.number(), z.number()]).optional(),
  /** The 街道 the curator gave, checked against the geometry (in-district places only). */
  subdistrict: z.string().optional(),
  /** Where the curator left the 街道 blank: the one a point falls in, marked as derived (never
   * written as `subdistrict`, which stays the curator's word). */
  subdistrict_derived: z.string().optional(),
  /** How a derived geometry was made: method, inputs, uncertainty (../geo/ground.ts). */
  derivation: DerivationInfo.optional(),
  /** Share of a line's length or an area's surface inside 西城区, when it is not all inside. */
  share_in_xicheng: z.number().min(0).max(1).optional(),
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

export const GEOMETRY_FLAG_KINDS = ['partly-outside', 'outside-but-inside', 'inside-unrelated-feature', 'clipped-to-district'] as const;
export const GeometryFlag = z.object({
  id: z.string(),
  kind: z.enum(GEOMETRY_FLAG_KINDS),
  message: z.string().min(1),
  gazetteer: z.object({ file: z.string(), line: z.number().int().positive() }),
});
export type GeometryFlagT = z.infer<typeof GeometryFlag>;

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
  /** Findings of the geometry checks (gazetteer line, what was found); none of them stops the build. */
  geometryFlags: z.array(GeometryFlag).default([]),
});
export type QualityT = z.infer<typeof QualitySchema>;
