/**
 * The derivations added for the areas the report names without a drawn outline (北展, 三里河,
 * 广安产业园): faces cut where lines cross, faces closed by a river, arterial blocks closed by a named
 * street, a corridor of a cited area; and the "unlocated" precision for a place no source locates.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import type { Pos } from '../../src/core/geo/clip';
import { band, corridor } from '../../src/core/geo/corridor';
import { type DeriveContext, derive } from '../../src/core/geo/derive';
import { facesAt } from '../../src/core/geo/faces';
import { buildNetwork } from '../../src/core/geo/network';
import { crossing, nodeSegments } from '../../src/core/geo/node';
import { unlocatedPlaces } from '../../src/core/places/audit';
import { errorOf } from './helpers';

const ha = (g: GeoJSON.Geometry) => area({ type: 'Feature', properties: {}, geometry: g }) / 1e4;

// A square block 0.01° a side whose four sides overrun the corners and cross without a shared
// vertex, as a street passing under an arterial does in the road data.
const crossedSquare = (): Pos[][] => [
  [
    [115.999, 40],
    [116.011, 40],
  ],
  [
    [115.999, 40.01],
    [116.011, 40.01],
  ],
  [
    [116, 39.999],
    [116, 40.011],
  ],
  [
    [116.01, 39.999],
    [116.01, 40.011],
  ],
];

describe('noding', () => {
  it('finds where two segments cross, and nothing for parallel or apart ones', () => {
    expect(crossing([0, 0], [2, 0], [1, -1], [1, 1])).toEqual({ t: 0.5, u: 0.5 });
    expect(crossing([0, 0], [2, 0], [0, 1], [2, 1])).toBeNull();
    expect(crossing([0, 0], [1, 0], [2, -1], [2, 1])).toBeNull();
  });
  it('cuts crossing segments at one shared point, and a T-junction at the end that touches', () => {
    const out = nodeSegments([
      [
        [0, 0],
        [2, 0],
      ],
      [
        [1, -1],
        [1, 1],
      ],
      [
        [0.5, 0],
        [0.5, 2],
      ],
    ]);
    const keys = out.map((s) => s.map((p) => p.join(',')).join(' '));
    expect(keys).toEqual(expect.arrayContaining(['0,0 0.5,0', '0.5,0 1,0', '1,0 2,0', '1,-1 1,0', '1,0 1,1', '0.5,0 0.5,2']));
    expect(out).toHaveLength(6);
  });
  it('leaves segments that only share an end whole', () => {
    const segs: Pos[][] = [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [1, 1],
      ],
    ];
    expect(nodeSegments(segs)).toEqual(segs);
  });
});

describe('faces cut where lines cross', () => {
  it('closes a block whose sides cross without shared vertices only when noded', () => {
    expect(() => facesAt(crossedSquare(), [[116.005, 40.005]])).toThrow(/no closed face/);
    const f = facesAt(crossedSquare(), [[116.005, 40.005]], { node: true });
    expect(f.areaHa).toBeGreaterThan(90);
    expect(f.areaHa).toBeLessThan(100);
  });
});

/** A derivation context over plain lines: roads of given classes, one river, one named street. */
const ctxOf = (roads: Array<{ line: Pos[]; cls: 1 | 2 | 3 }>, extra: { water?: Pos[][]; street?: Pos[] } = {}): DeriveContext => ({
  roads: buildNetwork([]),
  roadLines: roads.map((r) => r.line),
  roadLineClass: roads.map((r) => r.cls),
  waterways: buildNetwork([]),
  waterRings: [],
  waterLines: extra.water ?? [],
  station: () => undefined,
  feature: (id) => (id === 'named-street' && extra.street ? { type: 'LineString', coordinates: extra.street } : undefined),
  subdistrict: () => undefined,
  district: undefined,
});

describe('road faces bounded by rivers, arterials and named streets', () => {
  const [south, north, west, east] = crossedSquare() as [Pos[], Pos[], Pos[], Pos[]];
  it('closes a block with a river for its north side (bounds: waterways)', () => {
    const ctx = ctxOf(
      [
        { line: south, cls: 2 },
        { line: west, cls: 2 },
        { line: east, cls: 2 },
      ],
      { water: [north] },
    );
    const spec = { method: 'road-faces' as const, seeds: [[116.005, 40.005] as [number, number]], max_ha: 200, uncertainty_m: 50 };
    expect(() => derive({ ...spec, bounds: 'crossings' }, ctx)).toThrow(/no closed face/);
    const d = derive({ ...spec, bounds: 'waterways' }, ctx);
    expect(ha(d.geometry)).toBeGreaterThan(90);
    expect(d.inputs[0]).toMatch(/open waterways/);
  });
  it('takes the arterial block (max_class 2) closed by a named class-3 street', () => {
    // A local street splits the block; the arterials leave its north side open; the named street closes it.
    const hutong: Pos[] = [
      [116.005, 39.999],
      [116.005, 40.011],
    ];
    const ctx = ctxOf(
      [
        { line: south, cls: 2 },
        { line: west, cls: 2 },
        { line: east, cls: 2 },
        { line: hutong, cls: 3 },
        { line: north, cls: 3 },
      ],
      { street: north },
    );
    const spec = { method: 'road-faces' as const, seeds: [[116.0025, 40.005] as [number, number]], max_ha: 200, uncertainty_m: 50 };
    // All classes: the hutong halves the block.
    expect(ha(derive({ ...spec, bounds: 'crossings' }, ctx).geometry)).toBeLessThan(50);
    // Arterials only: open to the north, no face.
    expect(() => derive({ ...spec, bounds: 'crossings', max_class: 2 }, ctx)).toThrow(/no closed face/);
    // Arterials and the named street: the whole block.
    const whole = derive({ ...spec, bounds: 'crossings', max_class: 2, with_streets: ['named-street'] }, ctx);
    expect(ha(whole.geometry)).toBeGreaterThan(90);
    expect(whole.inputs[0]).toMatch(/class ≤ 2 .*named-street/);
  });
  it('refuses a named street without noding, and a name that is not a derived street', () => {
    const ctx = ctxOf([{ line: south, cls: 2 }], { street: north });
    const spec = { method: 'road-faces' as const, seeds: [[116.005, 40.005] as [number, number]], max_ha: 200, uncertainty_m: 50 };
    expect(() => derive({ ...spec, with_streets: ['named-street'] }, ctx)).toThrow(/crossings/);
    expect(() => derive({ ...spec, bounds: 'crossings', with_streets: ['nowhere'] }, ctx)).toThrow(/not a derived street line/);
  });
});

describe('corridor of a cited area', () => {
  // A cross of two 2 km axes crossing at their middles.
  const axes: Pos[][] = [
    [
      [116.0, 40.0],
      [116.0235, 40.0],
    ],
    [
      [116.01175, 39.991],
      [116.01175, 40.009],
    ],
  ];
  it('is as wide as the cited area needs, within 0.5 %', () => {
    const r = corridor(axes, 80);
    expect(Math.abs(ha(r.geometry) - 80) / 80).toBeLessThan(0.005);
    // Two 2 km arms, crossing once: about 4 km of band for 80 ha, i.e. ~100 m each side.
    expect(r.halfWidthM).toBeGreaterThan(90);
    expect(r.halfWidthM).toBeLessThan(115);
    // The crossing and the arm ends are inside.
    for (const p of [
      [116.01175, 40.0],
      [116.0, 40.0],
      [116.01175, 40.009],
    ])
      expect(booleanPointInPolygon(p, r.geometry)).toBe(true);
  });
  it('widens when the clip cuts part of it away, and refuses an area the band cannot hold', () => {
    const clip: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [115.9, 39.9],
          [116.0175, 39.9],
          [116.0175, 40.1],
          [115.9, 40.1],
          [115.9, 39.9],
        ],
      ],
    };
    const cut = corridor(axes, 80, clip);
    expect(Math.abs(ha(cut.geometry) - 80) / 80).toBeLessThan(0.005);
    expect(cut.halfWidthM).toBeGreaterThan(corridor(axes, 80).halfWidthM);
    expect(booleanPointInPolygon([116.02, 40.0], cut.geometry)).toBe(false);
    expect(() => corridor(axes, 1e6)).toThrow(/holds less than/);
    expect(() => band([[[116, 40]]], 10)).toThrow(/two distinct points/);
  });
});

const unlocated = `- id: "guangning-gongyuan"
  name: "广宁公园"
  aliases: ["广宁"]
  name_en: "Guangning Park"
  category: "park"
  in_xicheng: true
  precision: "unlocated"
  source:
    kind: "estimated"
    ref: "report line 21"
    note: "No source locates it."
`;

describe('a place no source locates', () => {
  it('is a valid record without geometry, and one with a geometry is refused', () => {
    expect(parseGazetteerFile(unlocated, 'g.yaml')[0]?.record.precision).toBe('unlocated');
    const e = errorOf(() =>
      parseGazetteerFile(
        unlocated.replace('  precision:', '  geometry: { type: Point, coordinates: [116.34, 39.88] }\n  precision:'),
        'g.yaml',
      ),
    );
    expect(e.message).toMatch(/places nothing on the map/);
  });
  it('is not drawn, and the audit lists it beside its figures', () => {
    const places = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/places.geojson'), 'utf8')).features;
    const gn = places.find((f: { id: string }) => f.id === 'guangning-gongyuan');
    expect(gn.geometry).toBeNull();
    expect(gn.properties.precision).toBe('unlocated');
    expect(unlocatedPlaces(places)).toEqual([expect.stringMatching(/^guangning-gongyuan \(广宁公园, park\): Location not found/)]);
  });
});

describe('the committed extents', () => {
  const places = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geodata/places.geojson'), 'utf8')).features as Array<{
    id: string;
    geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
    properties: { derivation?: { method: string; measures: Record<string, number> } };
  }>;
  const byId = (id: string) => places.find((p) => p.id === id) as (typeof places)[number];
  it('北展地区 holds the Exhibition Center block between 西直门外大街 and the 南长河', () => {
    const g = byId('beizhan-diqu').geometry;
    expect(booleanPointInPolygon([116.34, 39.9395], g)).toBe(true);
    // South of 西直门外大街 (the earlier point) and north of the river are outside.
    expect(booleanPointInPolygon([116.3392, 39.9362], g)).toBe(false);
    expect(booleanPointInPolygon([116.34, 39.9435], g)).toBe(false);
    expect(ha(g)).toBeGreaterThan(13.2); // the grounds' cited area is part of it
    expect(ha(g)).toBeLessThan(60);
  });
  it('三里河地区 is the arterial block of 月坛南街 west of 三里河东路', () => {
    const g = byId('sanlihe-diqu').geometry;
    expect(booleanPointInPolygon([116.334, 39.9126], g)).toBe(true);
    expect(booleanPointInPolygon([116.345, 39.9126], g)).toBe(false); // east of 三里河东路, at 月坛
    expect(booleanPointInPolygon([116.334, 39.92], g)).toBe(false); // north of 月坛北街
    expect(ha(g)).toBeGreaterThan(80);
    expect(ha(g)).toBeLessThan(130);
  });
  it('广安产业园 is a cross of the cited 1.9 km² through 菜市口', () => {
    const p = byId('guangan-chanyeyuan');
    expect(p.properties.derivation?.method).toBe('corridor');
    expect(Math.abs(ha(p.geometry) - 190) / 190).toBeLessThan(0.01);
    for (const q of [
      [116.3682, 39.888], // 菜市口
      [116.3885, 39.8893], // east arm, towards 前门大街
      [116.333, 39.8888], // west arm, 广外
      [116.3682, 39.8725], // south arm
    ])
      expect(booleanPointInPolygon(q, p.geometry)).toBe(true);
    expect(booleanPointInPolygon([116.38, 39.875], p.geometry)).toBe(false); // between the arms (陶然亭公园)
  });
});
