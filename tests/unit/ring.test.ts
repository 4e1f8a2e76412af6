/**
 * Rings traced along the road network: no out-and-back spikes, no repeated vertices, closed —
 * on small rings made for the purpose and on every polygon the committed geodata draws.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedRingWithoutSpikes } from '../../src/core/geo/ring';
import { roundCoords } from '../../src/core/geo/round';

type P = [number, number];
const square: P[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

/** Indices of vertices whose two neighbours coincide (a zero-width spike), the ring read cyclically. */
function spikes(closed: readonly (readonly number[])[]): number[] {
  const r = closed.slice(0, -1);
  const out: number[] = [];
  r.forEach((_, i) => {
    const a = r[(i - 1 + r.length) % r.length] as number[];
    const b = r[(i + 1) % r.length] as number[];
    if (a[0] === b[0] && a[1] === b[1]) out.push(i);
  });
  return out;
}

describe('closedRingWithoutSpikes', () => {
  it('closes a clean ring and changes nothing else', () => {
    expect(closedRingWithoutSpikes(square)).toEqual([...square, [0, 0]]);
    expect(closedRingWithoutSpikes([...square, [0, 0]])).toEqual([...square, [0, 0]]);
  });
  it('drops an out-and-back spike, and a longer one vertex by vertex', () => {
    // Out from [1,0] to [2,0] and back.
    expect(
      closedRingWithoutSpikes([
        [0, 0],
        [1, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ] as P[]),
    ).toEqual([...square, [0, 0]]);
    // Out two vertices and back along them.
    expect(
      closedRingWithoutSpikes([
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0.5],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ] as P[]),
    ).toEqual([...square, [0, 0]]);
  });
  it('finds a spike that crosses the ring’s start, and repeated vertices', () => {
    const out = closedRingWithoutSpikes([
      [-1, -1],
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ] as P[]);
    expect(spikes(out)).toEqual([]);
    expect(out.slice(0, -1).sort()).toEqual(square.slice().sort());
  });
  it('refuses a ring that encloses nothing', () => {
    expect(() =>
      closedRingWithoutSpikes([
        [0, 0],
        [1, 0],
        [2, 0],
        [1, 0],
      ] as P[]),
    ).toThrow(/encloses nothing/);
  });
});

describe('the committed geodata', () => {
  it('draws no polygon with a zero-width spike or a repeated vertex', () => {
    const bad: string[] = [];
    for (const file of ['places.geojson', 'basemap/ground.geojson', 'basemap/water.geojson']) {
      const fc: GeoJSON.FeatureCollection = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata', file), 'utf8'));
      for (const f of fc.features) {
        const g = f.geometry;
        const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
        for (const rings of polys)
          for (const ring of rings) {
            const s = spikes(ring);
            const rep = ring.slice(1).filter((p, i) => p[0] === ring[i]?.[0] && p[1] === ring[i]?.[1]).length;
            if (s.length || rep) bad.push(`${file} ${f.properties?.id ?? f.id}: spikes at ${s.join(',')}, ${rep} repeats`);
          }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('roundCoords', () => {
  it('rounds, and keeps one copy of a vertex that rounding repeats', () => {
    expect(roundCoords([116.1234564, 39.9])).toEqual([116.123456, 39.9]);
    expect(
      roundCoords([
        [0, 0],
        [1.00000001, 0],
        [1, 0.00000002],
        [1, 1],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });
  it('never shortens a line below 2 positions or a ring below 4', () => {
    expect(
      roundCoords([
        [0, 0],
        [0.00000001, 0],
      ]),
    ).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const tiny = [
      [0, 0],
      [1, 0],
      [1, 0.00000001],
      [0, 0],
    ];
    expect(roundCoords(tiny)).toEqual([
      [0, 0],
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
  });
});
