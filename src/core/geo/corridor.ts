/**
 * A corridor of a cited total area along cited axes: an area known to lie along named streets (a
 * park of plots "呈十字形分布" along two streets) whose plots are not known one by one. The axes are
 * polylines through cited points; the corridor is the band of one width round them, cut to the
 * district, the width chosen so that the band has the cited area. Pure.
 */
import area from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Pos } from './clip';
import { metresPerDegree } from './sphere';

type Area = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** The band of half-width halfM round the polylines: a quadrilateral per segment, a disc (16-gon) per vertex. */
export function band(axes: Pos[][], halfM: number): Area {
  const lat = axes.flat().reduce((s, p) => s + p[1], 0) / axes.flat().length;
  const k = metresPerDegree(lat);
  const parts: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  for (const axis of axes) {
    if (!axis.some((p) => p[0] !== (axis[0] as Pos)[0] || p[1] !== (axis[0] as Pos)[1]))
      throw new Error('each axis of a corridor needs at least two distinct points');
    for (let i = 1; i < axis.length; i++) {
      const a = axis[i - 1] as Pos;
      const b = axis[i] as Pos;
      const dx = (b[0] - a[0]) * k.x;
      const dy = (b[1] - a[1]) * k.y;
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      // The unit normal, in degrees per metre on each axis.
      const nx = (-dy / len) * (halfM / k.x);
      const ny = (dx / len) * (halfM / k.y);
      parts.push(
        polygon([
          [
            [a[0] + nx, a[1] + ny],
            [b[0] + nx, b[1] + ny],
            [b[0] - nx, b[1] - ny],
            [a[0] - nx, a[1] - ny],
            [a[0] + nx, a[1] + ny],
          ],
        ]),
      );
    }
    for (const p of axis) {
      const ring: Pos[] = [];
      for (let j = 0; j < 16; j++) {
        const t = (2 * Math.PI * j) / 16;
        ring.push([p[0] + (halfM * Math.cos(t)) / k.x, p[1] + (halfM * Math.sin(t)) / k.y]);
      }
      ring.push(ring[0] as Pos);
      parts.push(polygon([ring]));
    }
  }
  if (!parts.length) throw new Error('a corridor needs at least one axis');
  const u = parts.length === 1 ? parts[0] : union(featureCollection(parts));
  if (!u) throw new Error('the corridor is empty');
  return u.geometry as Area;
}

const clipTo = (g: Area, clip: Area | undefined): Area | null => {
  if (!clip) return g;
  const f = intersect(
    featureCollection([
      { type: 'Feature' as const, properties: {}, geometry: g },
      { type: 'Feature' as const, properties: {}, geometry: clip },
    ]),
  );
  return f ? (f.geometry as Area) : null;
};

const hectares = (g: Area) => area({ type: 'Feature', properties: {}, geometry: g }) / 1e4;

/**
 * The band round the axes, cut to `clip`, whose area is areaHa (within 0.5 %): the half-width is
 * found by bisection between 5 m and 2 km. Throws when even a 2 km band is smaller than areaHa.
 */
export function corridor(axes: Pos[][], areaHa: number, clip?: Area): { geometry: Area; halfWidthM: number; areaHa: number } {
  let lo = 5;
  let hi = 2000;
  const at = (w: number) => {
    const g = clipTo(band(axes, w), clip);
    return { g, ha: g ? hectares(g) : 0 };
  };
  if (at(hi).ha < areaHa) throw new Error(`even a band 2 km wide each side holds less than ${areaHa} ha`);
  let best = at(hi);
  let bestW = hi;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    const r = at(mid);
    if (r.ha >= areaHa) {
      hi = mid;
      best = r;
      bestW = mid;
    } else lo = mid;
    if (Math.abs(best.ha - areaHa) / areaHa < 0.005) break;
  }
  if (!best.g) throw new Error('the corridor lies outside the clip');
  return { geometry: best.g, halfWidthM: Math.round(bestW), areaHa: Math.round(best.ha * 10) / 10 };
}
