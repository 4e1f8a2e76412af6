/**
 * The schema of a derivation (how a geometry is derived from the shared sources), kept apart from
 * the derivation code so that the browser can read the model without loading turf.
 */
import { z } from 'zod';

/** A cited point: [lon, lat] (WGS-84), or "station:名" = the shared OSM subway station of that name. */
export const Waypoint = z.union([
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  z.string().regex(/^station:\S+$/, 'a waypoint is [lon, lat] or "station:<name>"'),
]);
export type WaypointT = z.infer<typeof Waypoint>;

const Common = {
  /** How far the true outline or line may lie from the derived one, in metres. */
  uncertainty_m: z.number().positive(),
  /** Why the uncertainty is what it is (required over 500 m by the audit). */
  uncertainty_why: z.string().min(1).optional(),
};
const Prefer = z.enum(['major', 'any']).optional();
const SnapClass = z.union([z.literal(1), z.literal(2), z.literal(3)]).optional();

export const Derivation = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('road-faces'),
      seeds: z.array(Waypoint).min(1),
      max_ha: z.number().positive(),
      /**
       * What bounds the faces: the road links joined at their nodes (default); "crossings": also
       * where two roads cross without a node (a street under an arterial); "waterways": also the
       * open waterway centre lines (a block that ends at a river), all cut where they cross.
       */
      bounds: z.enum(['roads', 'crossings', 'waterways']).optional(),
      /** Only links of this class or more major bound the faces (2: the arterial blocks). */
      max_class: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      /** Derived named streets (ground ids) that also bound the faces: a class-3 street that closes an arterial block. */
      with_streets: z.array(z.string().min(1)).min(1).optional(),
      ...Common,
    })
    .strict(),
  z.object({ method: z.literal('route'), via: z.array(Waypoint).min(2), prefer: Prefer, snap_class: SnapClass, ...Common }).strict(),
  z.object({ method: z.literal('ring'), corners: z.array(Waypoint).min(3), prefer: Prefer, snap_class: SnapClass, ...Common }).strict(),
  z.object({ method: z.literal('water-route'), via: z.array(Waypoint).min(2), ...Common }).strict(),
  z
    .object({
      method: z.literal('bank-strip'),
      /** A point on the bank where the strip starts. */
      from: Waypoint,
      direction: z.enum(['north', 'south']),
      side: z.enum(['west', 'east']),
      length_m: z.number().positive(),
      width_m: z.number().positive(),
      ...Common,
    })
    .strict(),
  /**
   * An area known only by a cited centre and a cited size: the circle of that area round the
   * centre. Its shape is not known, which the uncertainty (about the radius) must say.
   */
  z.object({ method: z.literal('disk'), centre: Waypoint, area_ha: z.number().positive(), ...Common }).strict(),
  /**
   * An area known by the streets it lies along and its total area, not plot by plot: the band of
   * one width round the axes (polylines through cited points), cut to the district, as wide as
   * the cited area needs.
   */
  z
    .object({
      method: z.literal('corridor'),
      axes: z.array(z.array(Waypoint).min(2)).min(1),
      area_ha: z.number().positive(),
      ...Common,
    })
    .strict(),
  /** The shared OSM polygon of a 街道 (an area named after the subdistrict it is the core of). */
  z.object({ method: z.literal('subdistrict'), name: z.string().regex(/街道$/, 'a 街道 name ends in 街道'), ...Common }).strict(),
  /** The union of other derived features (ground features by id). */
  z
    .object({
      method: z.literal('union'),
      of: z.array(z.string().min(1)).min(1),
      /** "outline": the areas' boundary rings as lines (a path round a lake). */
      as: z.enum(['area', 'outline']).optional(),
      ...Common,
    })
    .strict(),
]);
export type DerivationT = z.infer<typeof Derivation>;
