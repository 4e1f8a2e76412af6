import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors';
import { checkGazetteer, type LocatedRecord, parseGazetteerFile } from '../core/gazetteer/load';
import { MAPPED_PRECISIONS } from '../core/gazetteer/model';
import { parseYamlList } from '../core/gazetteer/not-places';
import type { DistrictCollectionT, SubdistrictCollectionT } from '../core/geo/boundaries';
import { pointInArea } from '../core/geo/contains';
import { representativePoint } from '../core/geo/represent';
import { roundCoords } from '../core/geo/round';
import { Geometry, type GeometryT } from '../core/geo/schema';

export interface ResolvedPlace {
  located: LocatedRecord;
  geometry: GeometryT | null;
  geometrySource: string;
  /** 街道 by point-in-polygon of a representative point (in-district places only). */
  subdistrict?: string;
}

/** Reads every *.yaml record file of the gazetteer directory in name order (not-places.yaml apart). */
export function loadGazetteer(dir: string): { records: LocatedRecord[]; notPlaces: string[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const records: LocatedRecord[] = [];
  let notPlaces: string[] = [];
  for (const f of files) {
    const text = readFileSync(resolve(dir, f), 'utf8');
    const rel = `geodata/gazetteer/${f}`;
    if (f === 'not-places.yaml') notPlaces = parseYamlList(text, rel);
    else records.push(...parseGazetteerFile(text, rel));
  }
  checkGazetteer(records);
  return { records, notPlaces };
}

/**
 * Gives every record its geometry (inline, or taken from ../shared/sources by geometry_ref) and
 * checks it against the WGS-84 reference polygons: an in-district place must lie in the
 * district and in the 街道 its record names; a place outside must lie outside.
 */
export function resolvePlaces(
  records: LocatedRecord[],
  sourcesDir: string,
  subdistricts: SubdistrictCollectionT,
  district: DistrictCollectionT,
): ResolvedPlace[] {
  const cache = new Map<string, Array<{ properties: Record<string, unknown>; geometry: unknown }>>();
  const outline = district.features[0];
  if (!outline) throw new Error('district outline is empty');
  return records.map((located) => {
    const r = located.record;
    const where = { file: located.file, line: located.line };
    let geometry: GeometryT | null = null;
    let geometrySource = 'none';
    if (r.geometry) {
      geometry = r.geometry;
      geometrySource = 'inline';
    } else if (r.geometry_ref) {
      const { file, where: sel } = r.geometry_ref;
      let features = cache.get(file);
      if (!features) {
        let text: string;
        try {
          text = readFileSync(resolve(sourcesDir, file), 'utf8');
        } catch {
          throw new InputError(`record "${r.id}": geometry_ref file ${file} not found in ${sourcesDir}`, {
            ...where,
            field: 'geometry_ref.file',
          });
        }
        features = (JSON.parse(text) as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> }).features;
        cache.set(file, features);
      }
      const hits = features.filter((f) => Object.entries(sel).every(([k, v]) => String(f.properties[k]) === String(v)));
      if (hits.length !== 1)
        throw new InputError(`record "${r.id}": geometry_ref selects ${hits.length} features of ${file} (need exactly 1)`, {
          ...where,
          field: 'geometry_ref.where',
        });
      const parsed = Geometry.safeParse(hits[0]?.geometry);
      if (!parsed.success)
        throw new InputError(`record "${r.id}": the referenced feature has no usable geometry`, { ...where, field: 'geometry_ref' });
      geometry = parsed.data;
      geometrySource = `${file}#${Object.entries(sel)
        .map(([k, v]) => `${k}=${v}`)
        .join('&')}`;
    }
    if (geometry) geometry = { ...geometry, coordinates: roundCoords(geometry.coordinates as never) } as GeometryT;
    const out: ResolvedPlace = { located, geometry, geometrySource };
    if (!geometry || !MAPPED_PRECISIONS.has(r.precision)) return out;
    const pt = representativePoint(geometry) as [number, number];
    const inDistrict = pointInArea(pt, outline.geometry);
    if (r.in_xicheng && !inDistrict && r.category !== 'subdistrict')
      throw new InputError(`record "${r.id}" is marked in_xicheng but its geometry (${pt.join(', ')}) lies outside the district outline`, {
        ...where,
        field: 'geometry',
      });
    if (!r.in_xicheng && inDistrict && geometry.type === 'Point')
      throw new InputError(`record "${r.id}" is marked outside Xicheng but lies inside it`, { ...where, field: 'in_xicheng' });
    if (r.in_xicheng) {
      const sd = r.category === 'subdistrict' ? r.name : subdistricts.features.find((f) => pointInArea(pt, f.geometry))?.properties.name;
      if (r.subdistrict && sd && r.subdistrict !== sd)
        throw new InputError(`record "${r.id}": the record says ${r.subdistrict}, but its point (${pt.join(', ')}) lies in ${sd}`, {
          ...where,
          field: 'subdistrict',
        });
      if (sd) out.subdistrict = sd;
    }
    return out;
  });
}
