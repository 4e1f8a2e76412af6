import { z } from 'zod';
import { Derivation } from '../geo/derivation';
import { Geometry } from '../geo/schema';
import { Supports } from './supports';

import { CATEGORIES, type Category, MAPPED_PRECISIONS, PRECISIONS, type Precision } from './vocab';

export { CATEGORIES, type Category, MAPPED_PRECISIONS, PRECISIONS, type Precision };

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case ASCII (a-z, 0-9, -)');

export const SourceSchema = z.object({
  kind: z.enum(['shared', 'cited', 'estimated']),
  ref: z.string().min(1),
  /** The words each reference says the position or extent with (./supports.ts). */
  supports: Supports.optional(),
  note: z.string().optional(),
});

export const GeometryRef = z.object({
  file: z.string().regex(/^[\w.-]+\.geojson$/, 'a file name in sources/geo'),
  where: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** One curated place, as written in geodata/gazetteer/*.yaml. */
export const GazetteerRecord = z
  .object({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    name_en: z.string().min(1),
    category: z.enum(CATEGORIES),
    in_xicheng: z.boolean(),
    subdistrict: z.string().regex(/街道$/).optional(),
    geometry: Geometry.optional(),
    geometry_ref: GeometryRef.optional(),
    /** Geometry derived by the pipeline from the shared sources (../geo/derive.ts); its
     * uncertainty_m is the record's. */
    derive: Derivation.optional(),
    precision: z.enum(PRECISIONS),
    uncertainty_m: z.number().positive().optional(),
    parts: z.array(Id).min(2).optional(),
    related: z.array(Id).optional(),
    /** Declares that this place deliberately has the same geometry as another (a venue known only
     * to be in an area); any other identical geometry is an error. */
    shares_geometry_with: Id.optional(),
    /** Ground features (geodata/ground, a park or lake) a point is known to lie in: a point inside
     * any other is flagged, since it is usually misplaced. */
    within: z.array(Id).optional(),
    source: SourceSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    const mapped = MAPPED_PRECISIONS.has(r.precision);
    const given = [r.geometry, r.geometry_ref, r.derive].filter((g) => g !== undefined).length;
    const hasGeom = given > 0;
    if (given > 1) ctx.addIssue({ code: 'custom', path: ['geometry'], message: 'give one of geometry, geometry_ref or derive' });
    if (r.derive && r.uncertainty_m !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['uncertainty_m'],
        message: 'a derived geometry states its uncertainty in derive.uncertainty_m',
      });
    if (mapped && !hasGeom)
      ctx.addIssue({ code: 'custom', path: ['geometry'], message: `precision "${r.precision}" needs a geometry or geometry_ref` });
    if (!mapped && hasGeom)
      ctx.addIssue({
        code: 'custom',
        path: ['geometry'],
        message: `precision "${r.precision}" places nothing on the map: remove the geometry`,
      });
    if (r.precision === 'approximate' && r.uncertainty_m === undefined && !r.derive)
      ctx.addIssue({ code: 'custom', path: ['uncertainty_m'], message: 'approximate places need uncertainty_m (metres)' });
    if (r.precision === 'placed-by-user') {
      if (r.geometry?.type !== 'Point')
        ctx.addIssue({ code: 'custom', path: ['geometry'], message: 'a place placed by a user is the point tapped on the map' });
      if (r.uncertainty_m === undefined)
        ctx.addIssue({ code: 'custom', path: ['uncertainty_m'], message: 'a place placed by a user needs uncertainty_m (metres)' });
    }
    if (r.precision === 'compound' && !r.parts) ctx.addIssue({ code: 'custom', path: ['parts'], message: 'a compound lists its parts' });
    if (r.parts && r.precision !== 'compound')
      ctx.addIssue({ code: 'custom', path: ['parts'], message: 'only precision "compound" has parts' });
    if (r.geometry?.type === 'Point' && r.precision === 'area')
      ctx.addIssue({ code: 'custom', path: ['precision'], message: 'a point cannot have precision "area"' });
  });
export type GazetteerRecordT = z.infer<typeof GazetteerRecord>;

/** Words that contain a place name but are not places (过街天桥 is a footbridge, not 天桥). */
export const NotPlaces = z.object({ not_places: z.array(z.string().min(1)) }).strict();
