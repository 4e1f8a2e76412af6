import Flatbush from 'flatbush';
import { geometryBbox } from '../geo/represent';
import type { GeometryT } from '../geo/schema';
import { EARTH_RADIUS_M, type LngLat, RAD, radiusBbox } from '../geo/sphere';
import { distanceToGeometryM } from './distance';

export { distanceToGeometryM } from './distance';

export interface NearItem {
  id: string;
  geometry: GeometryT;
}

export interface NearHit {
  id: string;
  /** Metres from the centre to the nearest point of the place's geometry (0 inside an area). */
  distanceM: number;
}

/**
 * A static spatial index over places: every geometry's bounding box in a packed R-tree
 * (Flatbush). A radius query takes the boxes that meet the circle's box, then measures the exact
 * distance to each candidate's nearest point, so lines and areas are never missed or misjudged
 * for having their vertices far away. Points (most places) keep their coordinates in typed arrays
 * for a haversine without allocation.
 */
export interface NearIndex {
  readonly items: readonly NearItem[];
  readonly tree: Flatbush | undefined;
  /** Per item: 1 for a Point, 0 otherwise; with the point's latitude in radians, longitude in radians and cos(latitude). */
  readonly isPoint: Uint8Array;
  readonly latRad: Float64Array;
  readonly lngRad: Float64Array;
  readonly cosLat: Float64Array;
}

export function buildNearIndex(items: readonly NearItem[]): NearIndex {
  const n = items.length;
  const isPoint = new Uint8Array(n);
  const latRad = new Float64Array(n);
  const lngRad = new Float64Array(n);
  const cosLat = new Float64Array(n);
  if (n === 0) return { items, tree: undefined, isPoint, latRad, lngRad, cosLat };
  const tree = new Flatbush(n);
  for (const [i, it] of items.entries()) {
    const g = it.geometry;
    if (g.type === 'Point') {
      const x = g.coordinates[0];
      const y = g.coordinates[1];
      tree.add(x, y, x, y);
      isPoint[i] = 1;
      latRad[i] = y * RAD;
      lngRad[i] = x * RAD;
      cosLat[i] = Math.cos(y * RAD);
    } else {
      const [w, s, e, nn] = geometryBbox(g);
      tree.add(w, s, e, nn);
    }
  }
  tree.finish();
  return { items, tree, isPoint, latRad, lngRad, cosLat };
}

const byDistanceThenId = (a: NearHit, b: NearHit) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Places within radiusM of the centre, nearest first (ties by id, so the order is stable). */
export function nearPlaces(index: NearIndex, centre: LngLat, radiusM: number): NearHit[] {
  if (!index.tree || !(radiusM >= 0)) return [];
  const [w, s, e, n] = radiusBbox(centre, radiusM);
  const cLat = centre.lat * RAD;
  const cLng = centre.lng * RAD;
  const cCos = Math.cos(cLat);
  const twoR = 2 * EARTH_RADIUS_M;
  const { items, isPoint, latRad, lngRad, cosLat } = index;
  const candidates = index.tree.search(w, s, e, n);
  const hitIndex: number[] = [];
  const hitDist: number[] = [];
  for (const i of candidates) {
    let d: number;
    if (isPoint[i] === 1) {
      // haversine, as in geo/sphere.ts, with the place's half of it precomputed
      const sLat = Math.sin(((latRad[i] as number) - cLat) / 2);
      const sLng = Math.sin(((lngRad[i] as number) - cLng) / 2);
      const h = sLat * sLat + cCos * (cosLat[i] as number) * sLng * sLng;
      d = twoR * Math.asin(Math.min(1, Math.sqrt(h)));
    } else d = distanceToGeometryM(centre, (items[i] as NearItem).geometry);
    if (d <= radiusM) {
      hitIndex.push(i);
      hitDist.push(d);
    }
  }
  // Sort without a JS comparator: each key packs the distance in 1/1024 m steps above the hit's
  // position, so a native Float64Array sort orders them; an insertion pass then settles the exact
  // order (distance, then id) among hits closer together than that step, which is linear here.
  const m = hitIndex.length;
  const keys = new Float64Array(m);
  const SLOTS = 2 ** 21;
  const packable = m < SLOTS && radiusM * 1024 < 2 ** 31;
  const out: NearHit[] = new Array(m);
  if (packable) {
    for (let k = 0; k < m; k++) keys[k] = Math.floor((hitDist[k] as number) * 1024) * SLOTS + k;
    keys.sort();
    for (let k = 0; k < m; k++) {
      const pos = (keys[k] as number) % SLOTS;
      out[k] = { id: (items[hitIndex[pos] as number] as NearItem).id, distanceM: hitDist[pos] as number };
    }
    for (let k = 1; k < m; k++) {
      const cur = out[k] as NearHit;
      let j = k - 1;
      while (j >= 0 && byDistanceThenId(out[j] as NearHit, cur) > 0) {
        out[j + 1] = out[j] as NearHit;
        j--;
      }
      out[j + 1] = cur;
    }
    return out;
  }
  for (let k = 0; k < m; k++) out[k] = { id: (items[hitIndex[k] as number] as NearItem).id, distanceM: hitDist[k] as number };
  return out.sort(byDistanceThenId);
}

/** The same answer by measuring every place: the reference the index is tested against. */
export function nearPlacesBruteForce(items: readonly NearItem[], centre: LngLat, radiusM: number): NearHit[] {
  const out: NearHit[] = [];
  for (const it of items) {
    const d = distanceToGeometryM(centre, it.geometry);
    if (d <= radiusM) out.push({ id: it.id, distanceM: d });
  }
  return out.sort(byDistanceThenId);
}
