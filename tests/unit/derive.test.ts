import area from '@turf/area';
import { describe, expect, it } from 'vitest';
import { unfollowableRef } from '../../src/core/gazetteer/refs';
import type { Pos } from '../../src/core/geo/clip';
import { bankStrip, diskRing } from '../../src/core/geo/derive';
import { facesAt } from '../../src/core/geo/faces';
import { lineInside, shareInside } from '../../src/core/geo/inside';
import { buildNetwork, linksFromLines, route } from '../../src/core/geo/network';
import { type AuditFigure, extentAudit, regressions } from '../../src/core/places/audit';
import type { GeometryFlagT } from '../../src/core/places/model';
import { checkPlaceGeometry } from '../../src/pipeline/checks';

// A 3×3 grid of streets 0.01° apart: column x=0.01 is a major street, the rest hutongs.
const grid = (): Pos[][] => {
  const ls: Pos[][] = [];
  for (let i = 0; i <= 2; i++) {
    const v = i * 0.01;
    ls.push([
      [116 + v, 40],
      [116 + v, 40.01],
      [116 + v, 40.02],
    ]);
    ls.push([
      [116, 40 + v],
      [116.01, 40 + v],
      [116.02, 40 + v],
    ]);
  }
  return ls;
};
const square = (x0: number, y0: number, d: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ],
  ],
});

describe('road network routing', () => {
  it('routes along the links between waypoints and snaps each to a node', () => {
    const net = buildNetwork(linksFromLines(grid(), 2));
    const r = route(net, [
      [116.0001, 40],
      [116.02, 40.0201],
    ]);
    expect(r.coords[0]).toEqual([116, 40]);
    expect(r.coords.at(-1)).toEqual([116.02, 40.02]);
    // Manhattan distance on the grid: 0.02° east + 0.02° north.
    expect(r.lengthM).toBeGreaterThan(3800);
    expect(r.lengthM).toBeLessThan(4100);
    expect(Math.max(...r.snapM)).toBeLessThan(15);
  });
  it('refuses a waypoint far off the network and a route that detours', () => {
    const net = buildNetwork(linksFromLines(grid(), 2));
    expect(() =>
      route(net, [
        [116.5, 40],
        [116, 40],
      ]),
    ).toThrow(/from the network/);
    // Only the outer ring: going from one side of the square to the other must go round.
    const ring = buildNetwork(
      linksFromLines(
        [
          [
            [116, 40],
            [116.02, 40],
            [116.02, 40.02],
            [116, 40.02],
            [116, 40],
          ],
        ],
        2,
      ),
    );
    expect(() =>
      route(
        ring,
        [
          [116, 40],
          [116.02, 40.02],
        ],
        { maxDetour: 1.2 },
      ),
    ).toThrow(/as the crow flies/);
  });
});

describe('faces of the network', () => {
  it('takes the block a seed lies in, and refuses one over the size limit', () => {
    const f = facesAt(grid(), [[116.005, 40.005]]);
    expect(f.areaHa).toBeGreaterThan(90);
    expect(f.areaHa).toBeLessThan(100);
    expect(() => facesAt(grid(), [[116.005, 40.005]], { maxHa: 50 })).toThrow(/over the limit/);
    expect(() => facesAt(grid(), [[116.5, 40.5]])).toThrow(/no closed face/);
  });
  it('joins the faces of several seeds', () => {
    const f = facesAt(grid(), [
      [116.005, 40.005],
      [116.015, 40.005],
    ]);
    expect(f.areaHa).toBeGreaterThan(180);
    expect(f.geometry.type).toBe('Polygon');
  });
  it('closes the slit a dead-end dual carriageway cuts into a block (the strip between its roads is road space)', () => {
    // Two carriageways ~3 m apart enter the block from its east street and meet 550 m to the west.
    const lines = [
      ...grid(),
      [
        [116.01, 40.005],
        [116.0045, 40.005],
        [116.0045, 40.00503],
        [116.01, 40.00503],
      ] as Pos[],
    ];
    const whole = facesAt(grid(), [[116.005, 40.002]]);
    const f = facesAt(lines, [[116.005, 40.002]], { node: true });
    expect(f.geometry.type).toBe('Polygon');
    const ring = (f.geometry as GeoJSON.Polygon).coordinates[0] as Pos[];
    // No vertex of the slit's tip is left in the outline, and the block keeps its whole area.
    expect(ring.filter((p) => p[0] === 116.0045)).toEqual([]);
    expect(f.areaHa).toBeCloseTo(whole.areaHa, 1);
    // A block beside it is not a sliver: it is still left out.
    expect(f.areaHa).toBeLessThan(100);
  });
});

describe('share inside the district', () => {
  const district = square(116, 40, 0.01);
  it('measures and cuts a line at the edge', () => {
    const r = lineInside(
      [
        [
          [115.995, 40.005],
          [116.005, 40.005],
        ],
      ],
      district,
    );
    expect(r.share).toBeCloseTo(0.5, 2);
    expect(r.pieces).toHaveLength(1);
    expect(r.pieces[0]?.[0]?.[0]).toBeCloseTo(116, 9);
  });
  it('gives 1/0 for points and the covered share for areas', () => {
    expect(shareInside({ type: 'Point', coordinates: [116.005, 40.005] }, district)).toBe(1);
    expect(shareInside({ type: 'Point', coordinates: [116.5, 40.005] }, district)).toBe(0);
    expect(shareInside(square(116.005, 40, 0.01), district)).toBeCloseTo(0.5, 2);
  });
});

describe('bank strip', () => {
  it('lays a strip of the given width beside a north–south bank', () => {
    const moat: Pos[] = [
      [116.0, 39.9],
      [116.0005, 39.9],
      [116.0005, 39.92],
      [116.0, 39.92],
      [116.0, 39.9],
    ];
    const ring = bankStrip([moat], [116.0, 39.901], { direction: 'north', side: 'west', length_m: 1000, width_m: 200 });
    const xs = ring.map((p) => p[0]);
    expect(Math.max(...xs)).toBeCloseTo(116.0, 6);
    expect((116.0 - Math.min(...xs)) * 111320 * Math.cos((39.9 * Math.PI) / 180)).toBeCloseTo(200, 0);
    expect(() => bankStrip([moat], [116.01, 39.901], { direction: 'north', side: 'west', length_m: 1000, width_m: 200 })).toThrow(
      /no water bank/,
    );
  });
});

describe('followable source refs', () => {
  it('accepts a page, a repository and path, a shared file or a report line', () => {
    expect(unfollowableRef('https://en.wikipedia.org/wiki/Shichahai (39°56′N)')).toBeNull();
    expect(unfollowableRef('modood/Administrative-divisions-of-China dist/villages.csv (row 110102010005)')).toBeNull();
    expect(unfollowableRef('beijing_subway_stops_osm_wgs84.geojson#name=西单')).toBeNull();
    expect(unfollowableRef('report line 59 (首都功能核心区)')).toBeNull();
  });
  it('refuses search-tool ids and vague "public file" refs', () => {
    expect(unfollowableRef('a public GitHub file (search-index id 13710929520)')).toMatch(/search-index id/);
    expect(unfollowableRef('public data file, indexed file id 1')).toMatch(/indexed file id/);
    expect(unfollowableRef('Beijing planning term')).toMatch(/names no page address/);
  });
});

describe('geometry audit', () => {
  const place = (id: string, category: string, geometry: GeoJSON.Geometry, uncertainty_m?: number) =>
    ({
      type: 'Feature',
      id,
      geometry,
      properties: {
        name: id,
        category,
        inXicheng: true,
        source: { kind: 'estimated', ref: 'x' },
        ...(uncertainty_m ? { uncertainty_m } : {}),
      },
    }) as never;
  it('counts extended places drawn as points and large uncertainties', () => {
    const figures = extentAudit({
      places: [
        place('a', 'park', { type: 'Point', coordinates: [116, 40] }, 900),
        place('b', 'heritage', { type: 'Point', coordinates: [116, 40] }, 50),
      ],
      groundNames: ['前海', '后海', '西海', '北海', '中南海'],
      streetNames: ['西单北大街'],
      refs: [{ id: 'a', ref: 'https://x.org' }],
      unfollowable: unfollowableRef,
      basemapGzip: 1,
      basemapBudget: 2,
    });
    const by = Object.fromEntries(figures.map((f) => [f.label, f]));
    expect(by['in-district places of an extended category drawn as a point']?.value).toBe(1);
    expect(by['in-district places with uncertainty over 500 m']?.value).toBe(1);
    expect(by['in-district places with uncertainty over 500 m']?.met).toBe(false); // no reason given
    expect(by['named features on the default basemap']?.met).toBe(true);
    expect(by['named streets labelled']?.met).toBe(false);
  });
});

describe('cited centre and area', () => {
  it('draws the circle that encloses the cited area round the centre', () => {
    const { ring, radiusM } = diskRing([116.37947, 39.95599], 9.2);
    const ha = area({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }) / 1e4;
    expect(ha).toBeGreaterThan(9.0);
    expect(ha).toBeLessThan(9.3);
    expect(Math.round(radiusM)).toBe(171);
  });
});

describe('a point inside a park it is not part of', () => {
  // 人定湖公园 as derived in geodata/ground/features.yaml, and 安德馨居's old and new points.
  const park = diskRing([116.37947, 39.95599], 9.2).ring;
  const ground = {
    ground: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [park] },
          properties: { id: 'rendinghu-gongyuan', name: '人定湖公园', kind: 'park' },
        },
      ],
    },
  } as never;
  const district: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [116.3, 39.86],
        [116.41, 39.86],
        [116.41, 39.98],
        [116.3, 39.98],
        [116.3, 39.86],
      ],
    ],
  };
  const located = (within?: string[]) =>
    ({
      file: 'geodata/gazetteer/sites.yaml',
      line: 1,
      record: { id: 'ande-xinju', name: '安德馨居', category: 'renovation', in_xicheng: true, ...(within ? { within } : {}) },
    }) as never;
  const flagsFor = (p: Pos, within?: string[]) => {
    const flags: GeometryFlagT[] = [];
    checkPlaceGeometry(located(within), { type: 'Point', coordinates: p }, district, ground, flags);
    return flags.map((f) => f.kind);
  };
  it('flags the old point in 人定湖公园 and not the one on 安德路', () => {
    expect(flagsFor([116.38, 39.9558])).toEqual(['inside-unrelated-feature']);
    expect(flagsFor([116.3806, 39.95003])).toEqual([]);
  });
  it('does not flag a point whose record names the park in "within"', () => {
    expect(flagsFor([116.38, 39.9558], ['rendinghu-gongyuan'])).toEqual([]);
  });
});

describe('audit ratchet', () => {
  const fig = (key: string, n: number, better: 'lower' | 'higher', met: boolean) =>
    ({ key, label: key, value: n, n, better, target: '', met, details: [] }) as AuditFigure;
  it('lists only figures that are worse than their recorded level', () => {
    const levels = { a: 3, b: 38 };
    expect(regressions([fig('a', 3, 'lower', false), fig('b', 38, 'higher', false)], levels)).toEqual([]);
    expect(regressions([fig('a', 4, 'lower', false), fig('b', 39, 'higher', false)], levels)).toEqual(['a: 4, worse than the recorded 3']);
    expect(regressions([fig('b', 37, 'higher', false)], levels)).toHaveLength(1);
    expect(regressions([fig('c', 1, 'lower', false)], levels)).toHaveLength(1);
    expect(regressions([fig('c', 1, 'lower', true)], levels)).toEqual([]);
  });
});
