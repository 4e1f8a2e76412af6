import { z } from 'zod';
import { CATEGORIES } from '../gazetteer/model';
import { PointGeom } from '../geo/schema';
import { MentionsSchema } from '../places/model';
import { ReportSchema } from '../report/model';

/**
 * A report opened in the browser, as the worker returns it and as it is kept locally (IndexedDB):
 * validated with these schemas whenever it crosses a boundary (worker message, database read), as
 * files are.
 */

/** A name the gazetteers lack, ranked, with what a curator needs to add it. */
export const ImportCandidateSchema = z.object({
  name: z.string().min(1),
  count: z.number().int().positive(),
  paragraphs: z.array(z.string()),
  score: z.number(),
  category: z.enum(CATEGORIES),
  sentences: z.array(z.string()),
  /** Suggested English name: its pinyin, head and suffix apart (杨梅竹斜街 → Yangmeizhu Xiejie). */
  name_en: z.string().min(1),
  /** Suggested gazetteer id (yangmeizhu-xiejie), before it is made unique. */
  idBase: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
});
export type ImportCandidate = z.infer<typeof ImportCandidateSchema>;

export const MappedReportSchema = z.object({
  file: z.string(),
  /** The report's year (the 2019 report), when the text says it; null when it does not. */
  year: z.number().int().min(1949).max(2100).nullable(),
  report: ReportSchema,
  /** Mentions of places of the project's gazetteer and of the planner's own additions. */
  mentions: MentionsSchema,
  /** Mentions of the district-wide gazetteer (stations, 社区, streets) that are not report places. */
  districtMentions: MentionsSchema,
  candidates: z.array(ImportCandidateSchema),
});
export type MappedReport = z.infer<typeof MappedReportSchema>;

/** A candidate a planner placed on the map: a new gazetteer place of precision "placed-by-user". */
export const AdditionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  name_en: z.string().min(1),
  category: z.enum(CATEGORIES),
  /** WGS-84, the point tapped (converted back from the map's CRS when that is not WGS-84). */
  geometry: PointGeom,
  uncertainty_m: z.number().positive(),
  in_xicheng: z.boolean(),
  subdistrict: z.string().regex(/街道$/).optional(),
  /** The map's zoom when it was tapped (the tap's width on the ground follows from it). */
  zoom: z.number(),
  placedAt: z.string(),
  /** The report it was placed from: file, year and the paragraphs that name it. */
  from: z.object({ reportId: z.string(), file: z.string(), year: z.number().int().nullable(), paragraphs: z.array(z.string()) }),
  /** The sentence that named it, quoted in the record's note. */
  sentence: z.string().optional(),
});
export type Addition = z.infer<typeof AdditionSchema>;

/** One opened report as kept in the browser: its text (to map it again) and the last mapping. */
export const StoredReportSchema = z.object({
  /** A hash of the text: the same text opened twice is one report. */
  id: z.string().min(1),
  file: z.string(),
  openedAt: z.string(),
  text: z.string(),
  /** What the mapping was made with (the gazetteer and the additions): mapped again when it differs. */
  linkKey: z.string(),
  /** The year a planner gave, over the one read from the text. */
  year: z.number().int().min(1949).max(2100).nullable(),
  mapped: MappedReportSchema,
});
export type StoredReport = z.infer<typeof StoredReportSchema>;
