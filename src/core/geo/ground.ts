/**
 * The curated ground layer: named lakes, parks, compounds and streets whose geometry is derived
 * (./derive.ts) rather than drawn, each with the public source that says where it is.
 * Read from geodata/ground/*.yaml, written to geodata/basemap/ground.geojson and street-names.geojson.
 */
import { z } from 'zod';
import { Supports } from '../gazetteer/supports';
import { Derivation } from './derivation';
import { AreaGeometry, featureCollection, LineStringGeom, MultiLineStringGeom } from './schema';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case ASCII (a-z, 0-9, -)');

export const GroundSource = z.object({ ref: z.string().min(1), supports: Supports.optional(), note: z.string().optional() }).strict();

export const GROUND_KINDS = ['lake', 'park', 'compound'] as const;

export const GroundFeatureRecord = z
  .object({
    id: Id,
    name: z.string().min(1),
    name_en: z.string().min(1),
    kind: z.enum(GROUND_KINDS),
    derive: Derivation,
    source: GroundSource,
  })
  .strict();
export type GroundFeatureRecordT = z.infer<typeof GroundFeatureRecord>;

export const StreetRecord = z
  .object({
    id: Id,
    name: z.string().regex(/(街|路|道|环|巷|胡同|沿)$/, 'a street name ends in 街, 路, 道, 环, 巷, 胡同 or 沿'),
    name_en: z.string().min(1),
    derive: Derivation,
    source: GroundSource,
  })
  .strict();
export type StreetRecordT = z.infer<typeof StreetRecord>;

/** Provenance written with every derived geometry, in the basemap and in places.geojson. */
export const DerivationInfo = z
  .object({
    method: z.string().min(1),
    inputs: z.array(z.string().min(1)).min(1),
    uncertainty_m: z.number().positive(),
    uncertainty_why: z.string().min(1).optional(),
    measures: z.record(z.string(), z.number()),
  })
  .strict();
export type DerivationInfoT = z.infer<typeof DerivationInfo>;

export const GroundProps = z
  .object({
    id: Id,
    name: z.string().min(1),
    name_en: z.string().min(1),
    kind: z.enum(GROUND_KINDS),
    /** Always true: nothing in this layer is surveyed; the legend says so. */
    derived: z.literal(true),
    uncertainty_m: z.number().positive(),
    method: z.string().min(1),
    source: z.string().min(1),
  })
  .strict();
export const GroundCollection = featureCollection(AreaGeometry, GroundProps);
export type GroundCollectionT = z.infer<typeof GroundCollection>;

export const StreetNameProps = z
  .object({ id: Id, name: z.string().min(1), name_en: z.string().min(1), uncertainty_m: z.number().positive(), source: z.string().min(1) })
  .strict();
export const StreetNameCollection = featureCollection(z.discriminatedUnion('type', [LineStringGeom, MultiLineStringGeom]), StreetNameProps);
export type StreetNameCollectionT = z.infer<typeof StreetNameCollection>;
