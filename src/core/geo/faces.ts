/**
 * Outlines traced by the road network: the faces of the planar graph its links form. A lake ringed
 * by lakeside roads, a park or a walled compound with no public street through it is a face; so is
 * an ordinary city block, which is why a face is only taken where a cited source puts the feature.
 */
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, lineString } from '@turf/helpers';
import polygonize from '@turf/polygonize';
import union from '@turf/union';
import { type BBox, clipLine, type Pos } from './clip';
import { nodeSegments } from './node';
import { metresPerDegree, segmentLength } from './sphere';

export interface FaceResult {
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  /** Area of each face taken, in hectares, in seed order. */
  faceHa: number[];
  areaHa: number;
}

/** The box around the seeds grown by marginM on every side. */
export function seedBox(seeds: Pos[], marginM: number): BBox {
  const lat = seeds.reduce((s, p) => s + p[1], 0) / seeds.length;
  const k = metresPerDegree(lat);
  const dx = marginM / k.x;
  const dy = marginM / k.y;
  return [
    Math.min(...seeds.map((p) => p[0])) - dx,
    Math.min(...seeds.map((p) => p[1])) - dy,
    Math.max(...seeds.map((p) => p[0])) + dx,
    Math.max(...seeds.map((p) => p[1])) + dy,
  ];
}

/**
 * Faces of the lines within a box (lines are cut at the box; faces touching the cut are not closed
 * and so not returned). With `node`, lines that cross without a shared vertex are cut where they
 * cross first (see ./node.ts); without it only shared vertices join lines, as the road links do.
 */
export function facesIn(lines: Pos[][], box: BBox, opts: { node?: boolean | undefined } = {}): GeoJSON.Feature<GeoJSON.Polygon>[] {
  // Polygonize wants each edge once: dual links over the same vertices (both directions of a
  // one-way pair) would make two-vertex rings that it cannot turn into polygons.
  const seen = new Set<string>();
  const segments: Pos[][] = [];
  const key = (p: Pos) => `${p[0]},${p[1]}`;
  for (const part of lines.flatMap((l) => clipLine(l, box)))
    for (let i = 1; i < part.length; i++) {
      const a = part[i - 1] as Pos;
      const b = part[i] as Pos;
      const ka = key(a);
      const kb = key(b);
      if (ka === kb) continue;
      const k = ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
      if (seen.has(k)) continue;
      seen.add(k);
      segments.push([a, b]);
    }
  const edges = opts.node ? nodeSegments(segments) : segments;
  return polygonize(featureCollection(edges.map((l) => lineString(l)))).features;
}

/**
 * The union of the faces that contain the seeds (one face per seed, a face named twice counts once).
 * Throws when a seed lies in no closed face within marginM, or when a face is larger than maxHa
 * (a seed that fell through a gap in the network would otherwise take a whole quarter).
 */
export function facesAt(
  lines: Pos[][],
  seeds: Pos[],
  opts: { marginM?: number; maxHa?: number; node?: boolean | undefined } = {},
): FaceResult {
  const faces = facesIn(lines, seedBox(seeds, opts.marginM ?? 1500), { node: opts.node });
  const taken: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  const faceHa: number[] = [];
  seeds.forEach((s, i) => {
    // Faces from polygonize do not overlap, so at most one holds the seed; the smallest wins if
    // a hole-less outer face was also produced.
    const hits = faces.filter((f) => booleanPointInPolygon(s, f)).sort((a, b) => area(a) - area(b));
    const f = hits[0];
    if (!f) throw new Error(`seed ${i + 1} (${s.join(', ')}) lies in no closed face of the road network`);
    const ha = area(f) / 1e4;
    if (opts.maxHa !== undefined && ha > opts.maxHa)
      throw new Error(`seed ${i + 1} (${s.join(', ')}) lies in a face of ${ha.toFixed(1)} ha, over the limit of ${opts.maxHa} ha`);
    faceHa.push(Math.round(ha * 10) / 10);
    if (!taken.includes(f)) taken.push(f);
  });
  for (const f of slivers(faces, taken)) taken.push(f);
  const geometry =
    taken.length === 1
      ? (taken[0] as GeoJSON.Feature<GeoJSON.Polygon>).geometry
      : (union(featureCollection(taken)) as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>).geometry;
  return { geometry, faceHa, areaHa: Math.round((area({ type: 'Feature', properties: {}, geometry }) / 1e4) * 10) / 10 };
}

/** A sliver narrower than this (mean width) is road space, not a place of its own. */
const SLIVER_WIDTH_M = 12;
/** ...and it belongs to the taken faces when they hold this share of its edge. */
const SLIVER_SHARED = 0.75;

/**
 * The thin faces the taken ones almost enclose: the strip between the two carriageways of a
 * dual road that ends inside a block is a face of its own, and left out it would cut a slit into
 * the block's outline. A face whose mean width (2 × area / perimeter) is under 12 m and whose edge
 * is at least three quarters shared with taken faces is added to them.
 */
function slivers(faces: GeoJSON.Feature<GeoJSON.Polygon>[], taken: GeoJSON.Feature<GeoJSON.Polygon>[]): GeoJSON.Feature<GeoJSON.Polygon>[] {
  const edgeKey = (a: Pos, b: Pos) => {
    const ka = `${a[0]},${a[1]}`;
    const kb = `${b[0]},${b[1]}`;
    return ka < kb ? `${ka};${kb}` : `${kb};${ka}`;
  };
  const edgesOf = (f: GeoJSON.Feature<GeoJSON.Polygon>) => {
    const out: Array<[Pos, Pos]> = [];
    for (const ring of f.geometry.coordinates) for (let i = 1; i < ring.length; i++) out.push([ring[i - 1] as Pos, ring[i] as Pos]);
    return out;
  };
  const takenEdges = new Set(taken.flatMap((f) => edgesOf(f).map(([a, b]) => edgeKey(a, b))));
  const out: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (const f of faces) {
    if (taken.includes(f)) continue;
    const edges = edgesOf(f);
    const perimeter = edges.reduce((n, [a, b]) => n + segmentLength(a, b), 0);
    if (perimeter === 0 || (2 * area(f)) / perimeter >= SLIVER_WIDTH_M) continue;
    const shared = edges.reduce((n, [a, b]) => n + (takenEdges.has(edgeKey(a, b)) ? segmentLength(a, b) : 0), 0);
    if (shared / perimeter >= SLIVER_SHARED) out.push(f);
  }
  return out;
}
