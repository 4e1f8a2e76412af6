import { z } from 'zod';
import { LineStringGeom, MultiLineStringGeom, PointGeom } from '../geo/schema';
import { DISTRICT_KINDS } from './district-kinds';
import { SourceSchema } from './model';

/**
 * The district-wide gazetteer (geodata/district-gazetteer.json): every 街道 and 社区, every subway
 * and rail station in and around 西城区, the subway lines. These are not places of the report and are
 * never drawn as such; the geoparser links a report's mentions of them and search finds them.
 */
export { anchorOf, DISTRICT_KINDS, type DistrictKind, describeEntry, KIND_CATEGORY, KIND_LABELS } from './district-kinds';

/** exact: the thing's own point or line; approximate: within uncertainty_m; subdistrict: placed at
 * the label point of its 街道 because no better position is citable (uncertainty_m = the 街道's reach). */
export const DISTRICT_PRECISIONS = ['exact', 'approximate', 'subdistrict'] as const;

export const DistrictEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    /** Other ways a text writes it (西单站 → 地铁西单站, 西单); each is linked by the geoparser. */
    aliases: z.array(z.string().min(1)),
    name_en: z.string().min(1),
    kind: z.enum(DISTRICT_KINDS),
    /** The 街道 it lies in (communities: from the statistics-bureau table). */
    subdistrict: z.string().regex(/街道$/).optional(),
    /** Statistics-bureau code (社区 12 digits, 街道 9 digits). */
    code: z
      .string()
      .regex(/^\d{9}(\d{3})?$/)
      .optional(),
    lines: z.array(z.string()).optional(),
    /** The report place that is the same thing, when the report's gazetteer has it (jiedao-…). */
    placeId: z.string().optional(),
    geometry: z.union([PointGeom, LineStringGeom, MultiLineStringGeom]),
    precision: z.enum(DISTRICT_PRECISIONS),
    uncertainty_m: z.number().positive().optional(),
    source: SourceSchema,
    pinyin: z.string(),
    initials: z.string(),
  })
  .strict();
export type DistrictEntry = z.infer<typeof DistrictEntrySchema>;

export const DistrictGazetteerSchema = z
  .object({
    schemaVersion: z.literal(1),
    /** The datasets the entries come from, with licence and edition, for the attribution. */
    sources: z.array(z.object({ id: z.string(), title: z.string(), licence: z.string(), edition: z.string() })),
    entries: z.array(DistrictEntrySchema),
  })
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${e.id}`, path: ['entries', i, 'id'] });
      seen.add(e.id);
      if (e.precision !== 'exact' && e.uncertainty_m === undefined)
        ctx.addIssue({ code: 'custom', message: `precision "${e.precision}" needs uncertainty_m`, path: ['entries', i] });
    });
  });
export type DistrictGazetteer = z.infer<typeof DistrictGazetteerSchema>;
