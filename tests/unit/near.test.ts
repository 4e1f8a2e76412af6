import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pointToLineDistance from '@turf/point-to-line-distance';
import { describe, expect, it } from 'vitest';
import type { GeometryT } from '../../src/core/geo/schema';
import { circlePolygon, radiusBbox } from '../../src/core/geo/sphere';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { buildNearIndex, distanceToGeometryM, type NearItem, nearPlaces } from '../../src/core/near/index';
import { summariseSubdistrict } from '../../src/core/near/subdistrict';
import { PlacesCollection, ProjectsSchema } from '../../src/core/places/model';
import { ROOT } from './helpers';

// An independent haversine, written here so the test does not check the code against itself.
const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;
function hav(a: [number, number], b: [number, number]): number {
  const s = Math.sin(rad(b[1] - a[1]) / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}
/** Degrees of latitude / longitude for m metres at latitude lat. */
const dLat = (m: number) => m / R / (Math.PI / 180);
const dLng = (m: number, lat: number) => m / (R * Math.cos(rad(lat))) / (Math.PI / 180);

const C = { lng: 116.37, lat: 39.91 };
const c: [number, number] = [C.lng, C.lat];

/** A deterministic generator (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('distance to the nearest point of a geometry', () => {
  it('points: great-circle distance', () => {
    const rand = prng(1);
    for (let i = 0; i < 200; i++) {
      const p: [number, number] = [116.3 + rand() * 0.11, 39.86 + rand() * 0.1];
      const d = distanceToGeometryM(C, { type: 'Point', coordinates: p });
      expect(Math.abs(d - hav(c, p))).toBeLessThan(1e-6);
    }
    expect(distanceToGeometryM(C, { type: 'Point', coordinates: c })).toBe(0);
    // one minute of latitude is one nautical mile on this sphere, near enough
    expect(distanceToGeometryM(C, { type: 'Point', coordinates: [C.lng, C.lat + 1 / 60] })).toBeCloseTo(1853.2, 0);
  });

  it('a line passing 200 m away is 200 m away, not as far as its midpoint or its ends', () => {
    const lat = C.lat + dLat(200);
    const line: GeometryT = {
      type: 'LineString',
      coordinates: [
        [C.lng - dLng(300, lat), lat],
        [C.lng + dLng(2500, lat), lat],
      ],
    };
    const d = distanceToGeometryM(C, line);
    expect(Math.abs(d - 200)).toBeLessThan(0.5);
    const mid: [number, number] = [C.lng + dLng(1100, lat), lat];
    expect(hav(c, mid)).toBeGreaterThan(1000);
    // a multi-vertex diagonal line, against turf's geodesic cross-track distance
    const rand = prng(2);
    for (let i = 0; i < 50; i++) {
      const coords = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => [
        C.lng + (rand() - 0.5) * 0.04,
        C.lat + (rand() - 0.5) * 0.04,
      ]);
      const ours = distanceToGeometryM(C, { type: 'LineString', coordinates: coords as [number, number][] });
      const turf = pointToLineDistance(c, { type: 'LineString', coordinates: coords }, { units: 'meters' });
      expect(Math.abs(ours - turf)).toBeLessThan(Math.max(1, turf * 0.003));
    }
  });

  it('a polygon containing the centre is 0 m away; outside, the distance is to its boundary; a hole counts as outside', () => {
    const sq = (w: number, s: number, e: number, n: number) => [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ];
    const around = sq(C.lng - 0.01, C.lat - 0.01, C.lng + 0.01, C.lat + 0.01);
    expect(distanceToGeometryM(C, { type: 'Polygon', coordinates: [around] as [number, number][][] })).toBe(0);
    // a square whose west edge lies 500 m east of the centre
    const west = C.lng + dLng(500, C.lat);
    const east: GeometryT = { type: 'Polygon', coordinates: [sq(west, C.lat - 0.01, west + 0.02, C.lat + 0.01)] as [number, number][][] };
    const expected = hav(c, [west, C.lat]);
    expect(Math.abs(distanceToGeometryM(C, east) - expected)).toBeLessThan(0.5);
    expect(Math.abs(expected - 500)).toBeLessThan(0.5);
    // the centre in a hole 300 m wide on each side: outside the area, 300 m from the hole's edge
    const hole = sq(C.lng - dLng(300, C.lat), C.lat - dLat(300), C.lng + dLng(300, C.lat), C.lat + dLat(300));
    const d = distanceToGeometryM(C, { type: 'Polygon', coordinates: [around, hole] as [number, number][][] });
    expect(Math.abs(d - 300)).toBeLessThan(1);
    // a MultiPolygon takes its nearest part
    expect(distanceToGeometryM(C, { type: 'MultiPolygon', coordinates: [[around], east.coordinates] as [number, number][][][] })).toBe(0);
  });

  it('the circle drawn on the map has every vertex at the radius', () => {
    for (const r of [100, 1000, 3000])
      for (const p of circlePolygon(C, r, 64)) expect(Math.abs(hav(c, p as [number, number]) - r)).toBeLessThan(0.01);
    // and the query box holds the whole circle
    const [w, s, e, n] = radiusBbox(C, 3000);
    for (const p of circlePolygon(C, 3000, 64)) {
      expect(p[0]).toBeGreaterThanOrEqual(w);
      expect(p[0]).toBeLessThanOrEqual(e);
      expect(p[1]).toBeGreaterThanOrEqual(s);
      expect(p[1]).toBeLessThanOrEqual(n);
    }
  });
});

describe('the spatial index', () => {
  const rand = prng(42);
  const items: NearItem[] = [];
  const rp = (): [number, number] => [116.3 + rand() * 0.11, 39.86 + rand() * 0.1];
  for (let i = 0; i < 4000; i++) {
    const k = rand();
    const [x, y] = rp();
    let geometry: GeometryT;
    if (k < 0.7) geometry = { type: 'Point', coordinates: [x, y] };
    else if (k < 0.85)
      // long lines, so a line can pass through the circle with every vertex far outside it
      geometry = {
        type: 'LineString',
        coordinates: [
          [x, y],
          [x + (rand() - 0.5) * 0.1, y + (rand() - 0.5) * 0.1],
        ],
      };
    else {
      const w = rand() * 0.03;
      const h = rand() * 0.03;
      geometry = {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + w, y],
            [x + w, y + h],
            [x, y + h],
            [x, y],
          ],
        ],
      };
    }
    items.push({ id: `i${i}`, geometry });
  }
  const index = buildNearIndex(items);

  // The oracle is the cost: 100 queries × 4000 exact distances (~4 s alone). On the shared 2-core
  // machine with other suites running it crossed vitest's 5 s default, so it gets its own limit;
  // it waits for nothing, so a longer limit cannot hide a hang.
  it('returns exactly what a brute-force scan returns, nearest first', { timeout: 30_000 }, () => {
    for (let q = 0; q < 100; q++) {
      const [lng, lat] = rp();
      const radius = 100 + rand() * 2900;
      // brute force written out here: every item, exact distance, filter, sort
      const brute = items
        .map((it) => ({ id: it.id, distanceM: distanceToGeometryM({ lng, lat }, it.geometry) }))
        .filter((h) => h.distanceM <= radius)
        .sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : 1));
      const got = nearPlaces(index, { lng, lat }, radius);
      expect(got.map((h) => h.id)).toEqual(brute.map((h) => h.id));
      for (const [i, h] of got.entries()) expect(Math.abs(h.distanceM - (brute[i]?.distanceM ?? 0))).toBeLessThan(1e-6);
      for (let i = 1; i < got.length; i++) expect((got[i]?.distanceM ?? 0) >= (got[i - 1]?.distanceM ?? 0)).toBe(true);
    }
    // 100 brute-force scans and ~10^5 expects: 4–6 s on a busy two-core machine, past vitest's default 5 s.
  });

  it('point hits carry the haversine distance', () => {
    const pts = items.filter((it) => it.geometry.type === 'Point');
    const hits = nearPlaces(index, C, 1500);
    const expected = pts
      .map((it) => ({ id: it.id, d: hav(c, (it.geometry as unknown as { coordinates: [number, number] }).coordinates) }))
      .filter((x) => x.d <= 1500)
      .sort((a, b) => a.d - b.d);
    const pointHits = hits.filter((h) => h.id && pts.some((p) => p.id === h.id));
    expect(pointHits.map((h) => h.id)).toEqual(expected.map((x) => x.id));
    for (const [i, h] of pointHits.entries()) expect(Math.abs(h.distanceM - (expected[i]?.d ?? 0))).toBeLessThan(1e-6);
  });

  it('handles an empty index and a zero radius', () => {
    expect(nearPlaces(buildNearIndex([]), C, 1000)).toEqual([]);
    const one = buildNearIndex([{ id: 'x', geometry: { type: 'Point', coordinates: c } }]);
    expect(nearPlaces(one, C, 0)).toEqual([{ id: 'x', distanceM: 0 }]);
  });
});

describe('the 街道 summary', () => {
  const places = parseJsonWithSchema(readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8'), 'places', PlacesCollection).features;
  const projects = parseJsonWithSchema(readFileSync(resolve(ROOT, 'geodata/projects.json'), 'utf8'), 'projects', ProjectsSchema);

  it('counts the project sentences of the places inside, by theme and phase', () => {
    for (const name of new Set(places.map((p) => p.properties.subdistrict).filter((x): x is string => !!x))) {
      const s = summariseSubdistrict(name, places, projects);
      const ids = new Set(places.filter((p) => p.properties.subdistrict === name).map((p) => p.id));
      const expected = projects.filter((p) => ids.has(p.placeId));
      expect(s.projects.length).toBe(expected.length);
      expect(s.byTheme.reduce((n, [, k]) => n + k, 0)).toBe(expected.length);
      expect(s.byPhase.reduce((n, [, k]) => n + k, 0)).toBe(expected.length);
      expect(s.top.length).toBeLessThanOrEqual(5);
      for (const t of s.top) expect(t.properties.subdistrict).toBe(name);
    }
  });
});
