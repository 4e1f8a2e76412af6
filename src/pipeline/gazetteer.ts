import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors';
import { checkGazetteer, type LocatedRecord, parseGazetteerFile } from '../core/gazetteer/load';
import { MAPPED_PRECISIONS } from '../core/gazetteer/model';
import { parseYamlList } from '../core/gazetteer/not-places';
import { unfollowableRef } from '../core/gazetteer/refs';
import type { DistrictCollectionT, SubdistrictCollectionT } from '../core/geo/boundaries';
import { pointInArea } from '../core/geo/contains';
import { derive } from '../core/geo/derive';
import type { DerivationInfoT } from '../core/geo/ground';
import { representativePoint } from '../core/geo/represent';
import { roundCoords } from '../core/geo/round';
import { Geometry, type GeometryT } from '../core/geo/schema';
import type { GeometryFlagT } from '../core/places/model';
import { checkPlaceGeometry } from './checks';
import { derivationInfo, type GroundBuild } from './ground';

export interface ResolvedPlace {
  located: LocatedRecord;
  geometry: GeometryT | null;
  geometrySource: string;
  /** The curator's 街道, checked against the geometry (in-district places only). */
  subdistrict?: string;
  /** Where the curator left it blank: the 街道 a point lies in, marked as derived. */
  subdistrictDerived?: string;
  derivation?: DerivationInfoT;
  shareInXicheng?: number;
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
 * Gives every record its geometry (inline, or taken from sources/geo by geometry_ref) and
 * checks it against the WGS-84 reference polygons: an in-district place must lie in the
 * district and in the 街道 its record names; a place outside must lie outside.
 */
export function resolvePlaces(
  records: LocatedRecord[],
  sourcesDir: string,
  subdistricts: SubdistrictCollectionT,
  district: DistrictCollectionT,
  ground?: GroundBuild,
  flags: GeometryFlagT[] = [],
): ResolvedPlace[] {
  const cache = new Map<string, Array<{ properties: Record<string, unknown>; geometry: unknown }>>();
  const outline = district.features[0];
  if (!outline) throw new Error('district outline is empty');
  return records.map((located) => {
    const r = located.record;
    const where = { file: located.file, line: located.line };
    const why = unfollowableRef(r.source.ref);
    if (why) throw new InputError(`record "${r.id}": source.ref ${why}`, { ...where, field: 'source.ref' });
    let geometry: GeometryT | null = null;
    let geometrySource = 'none';
    let derivation: DerivationInfoT | undefined;
    if (r.derive) {
      if (!ground) throw new InputError(`record "${r.id}": derive needs the source files (sources/geo)`, { ...where, field: 'derive' });
      try {
        const d = derive(r.derive, ground.ctx);
        geometry = Geometry.parse(d.geometry);
        derivation = derivationInfo(r.derive, d.inputs, d.measures);
        geometrySource = `derived:${r.derive.method}`;
      } catch (e) {
        throw new InputError(`record "${r.id}": ${(e as Error).message}`, { ...where, field: 'derive' });
      }
    } else if (r.geometry) {
      geometry = r.geometry;
      geometrySource = 'inline';
    } else if (r.geometry_ref) {
      const { file, where: sel } = r.geometry_ref;
      let features = cache.get(file);
      if (!features) {
        let text: string;
        try {
          text = readFileSync(resolve(sourcesDir, file), 'utf8');
        } catch (e) {
          // Only a missing file is the record's fault; any other cause (permissions, I/O) is reported as itself.
          if ((e as { code?: string }).code !== 'ENOENT') throw e;
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
    if (derivation) out.derivation = derivation;
    if (!geometry || !MAPPED_PRECISIONS.has(r.precision)) return out;
    const checked = checkPlaceGeometry(located, geometry, outline.geometry, ground, flags);
    out.geometry = checked.geometry;
    if (checked.share < 0.999 && r.category !== 'subdistrict') out.shareInXicheng = Math.round(checked.share * 1000) / 1000;
    const pt = representativePoint(checked.geometry) as [number, number];
    if (r.in_xicheng && r.category !== 'subdistrict') {
      const sd = subdistricts.features.find((f) => pointInArea(pt, f.geometry))?.properties.name;
      if (r.subdistrict && sd && r.subdistrict !== sd)
        throw new InputError(`record "${r.id}": the record says ${r.subdistrict}, but its point (${pt.join(', ')}) lies in ${sd}`, {
          ...where,
          field: 'subdistrict',
        });
      // The curator's blank stays blank: a place spanning several 街道 is not given one of them.
      if (r.subdistrict) out.subdistrict = r.subdistrict;
      else if (sd && checked.geometry.type === 'Point') out.subdistrictDerived = sd;
    } else if (r.category === 'subdistrict') out.subdistrict = r.name;
    return out;
  });
}
