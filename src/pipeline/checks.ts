/**
 * Checks that keep a place's geometry true to the ground: how much of it lies in the district, a
 * "西城段" cut at the district edge, a point inside a park or lake it is not part of.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { InputError } from '../core/errors';
import type { LocatedRecord } from '../core/gazetteer/load';
import type { Pos } from '../core/geo/clip';
import { lineInside, shareInside } from '../core/geo/inside';
import type { GeometryT } from '../core/geo/schema';
import type { GeometryFlagT } from '../core/places/model';
import type { GroundBuild } from './ground';

type Area = GeoJSON.Polygon | GeoJSON.MultiPolygon;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** A name for the part of something inside Xicheng: the geometry is cut at the district edge. */
export const XICHENG_SECTION = /西城段/;

export function checkPlaceGeometry(
  located: LocatedRecord,
  geometry: GeometryT,
  district: Area,
  ground: GroundBuild | undefined,
  flags: GeometryFlagT[],
): { geometry: GeometryT; share: number } {
  const r = located.record;
  const where = { file: located.file, line: located.line };
  const flag = (kind: GeometryFlagT['kind'], message: string) => flags.push({ id: r.id, kind, message, gazetteer: where });
  let g = geometry;
  let share = shareInside(g, district);
  const isLine = g.type === 'LineString' || g.type === 'MultiLineString';
  if (isLine && XICHENG_SECTION.test(r.name) && share < 0.999) {
    const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates) as Pos[][];
    const inside = lineInside(lines, district);
    const pieces = inside.pieces.filter((p) => p.length >= 2);
    if (!pieces.length)
      throw new InputError(`record "${r.id}" is a 西城段 but no part of it lies in the district`, { ...where, field: 'geometry' });
    g = (
      pieces.length === 1 ? { type: 'LineString', coordinates: pieces[0] } : { type: 'MultiLineString', coordinates: pieces }
    ) as GeometryT;
    flag('clipped-to-district', `西城段: ${Math.round(inside.totalM - inside.insideM)} m beyond the district edge cut off`);
    share = 1;
  }
  if (r.category === 'subdistrict') return { geometry: g, share };
  if (r.in_xicheng) {
    if (share === 0)
      throw new InputError(`record "${r.id}" is marked in_xicheng but its geometry lies outside the district outline`, {
        ...where,
        field: 'geometry',
      });
    if (share < 0.99) flag('partly-outside', `marked in Xicheng; ${pct(share)} of it lies inside the district`);
  } else {
    if (g.type === 'Point' && share === 1)
      throw new InputError(`record "${r.id}" is marked outside Xicheng but lies inside it`, { ...where, field: 'in_xicheng' });
    if (share > 0.5) flag('outside-but-inside', `marked outside Xicheng, but ${pct(share)} of it lies inside the district`);
  }
  if (g.type === 'Point' && ground) {
    for (const f of ground.ground.features) {
      if (f.properties.kind === 'compound' || r.within?.includes(f.properties.id)) continue;
      if (booleanPointInPolygon(g.coordinates, f as never))
        flag(
          'inside-unrelated-feature',
          `the point lies inside ${f.properties.name} (${f.properties.kind}), which the record does not name in "within"`,
        );
    }
  }
  return { geometry: g, share };
}
