import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bySubdistrict, projectRows, toggleFacet, without } from '../../src/core/analysis/aggregate';
import { marketClaim, parkCoverage, projectNni } from '../../src/core/analysis/claims';
import { classLabels, classOf, jenksBreaks, quantileBreaks } from '../../src/core/analysis/classify';
import { BOM, csvField, parseCsv, placeRecord, quotesOf, toCsv } from '../../src/core/analysis/export';
import { areaKm2, clarkEvans, coverageShare } from '../../src/core/analysis/spatial';
import { DistrictCollection, SubdistrictCollection } from '../../src/core/geo/boundaries';
import { pointInArea } from '../../src/core/geo/contains';
import type { LngLatTuple as LngLat } from '../../src/core/geo/sphere';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { MentionsSchema, PlacesCollection, ProjectsSchema } from '../../src/core/places/model';
import { ReportSchema } from '../../src/core/report/model';
import { applyFilters, EMPTY_FILTERS } from '../../src/core/state/filters';
import { ROOT } from './helpers';

const read = (f: string) => readFileSync(resolve(ROOT, f), 'utf8');
const places = parseJsonWithSchema(read('geodata/places.geojson'), 'places', PlacesCollection).features;
const projects = parseJsonWithSchema(read('geodata/projects.json'), 'projects', ProjectsSchema);
const mentions = parseJsonWithSchema(read('geodata/mentions.json'), 'mentions', MentionsSchema);
const report = parseJsonWithSchema(read('geodata/report.json'), 'report', ReportSchema);
const district = parseJsonWithSchema(read('geodata/district.geojson'), 'district', DistrictCollection).features[0];
const subdistricts = parseJsonWithSchema(read('geodata/subdistricts.geojson'), 'sd', SubdistrictCollection).features;
const byId = new Map(places.map((p) => [p.id, p]));

// Points at lng/lat from metre offsets near Xicheng (1° lat ≈ 111.2 km).
const LAT0 = 39.9;
const at = (x: number, y: number): LngLat => [116.37 + x / (111_195 * Math.cos((LAT0 * Math.PI) / 180)), LAT0 + y / 111_195];

describe('Clark–Evans nearest-neighbour index', () => {
  it('is ≈ 2.149 for a hexagonal lattice (area = n × cell area)', () => {
    const d = 100;
    const pts: LngLat[] = [];
    for (let r = 0; r < 30; r++) for (let c = 0; c < 30; c++) pts.push(at(c * d + (r % 2) * (d / 2), (r * d * Math.sqrt(3)) / 2));
    const area = (pts.length * (Math.sqrt(3) / 2) * d * d) / 1e6;
    const ce = clarkEvans(pts, area);
    expect(ce?.R).toBeCloseTo(2.149, 2);
    expect(ce?.observedMean).toBeCloseTo(100, 0);
  });
  it('is 2 for a square grid and < 1 (significantly) for clustered points', () => {
    const sq: LngLat[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) sq.push(at(c * 50, r * 50));
    expect(clarkEvans(sq, (400 * 50 * 50) / 1e6)?.R).toBeCloseTo(2, 2);
    const clustered: LngLat[] = [];
    for (const [cx, cy] of [
      [0, 0],
      [3000, 2000],
      [1000, 4000],
    ] as const)
      for (let i = 0; i < 10; i++) clustered.push(at(cx + (i % 3) * 10, cy + Math.floor(i / 3) * 10));
    const ce = clarkEvans(clustered, 25);
    expect(ce?.R).toBeLessThan(1);
    expect(ce?.z).toBeLessThan(-1.96);
  });
  it('needs two points and a positive area', () => {
    expect(clarkEvans([at(0, 0)], 1)).toBeUndefined();
    expect(clarkEvans([at(0, 0), at(1, 1)], 0)).toBeUndefined();
  });
});

describe('coverage within a radius', () => {
  const square = { type: 'Polygon' as const, coordinates: [[at(0, 0), at(2000, 0), at(2000, 2000), at(0, 2000), at(0, 0)]] };
  it('a point in the middle of a 2 km square covers π·500²/4 km² ≈ 19.6 %', () => {
    const c = coverageShare(square, [{ type: 'Point', coordinates: at(1000, 1000) }], 500, 20);
    expect(c.share).toBeCloseTo((Math.PI * 0.25) / 4, 2);
  });
  it('a line along one edge covers a quarter; a polygon covering all covers all; nothing covers nothing', () => {
    expect(coverageShare(square, [{ type: 'LineString', coordinates: [at(0, 0), at(2000, 0)] }], 500, 20).share).toBeCloseTo(0.25, 2);
    expect(coverageShare(square, [square], 500, 100).share).toBe(1);
    expect(coverageShare(square, [], 500, 100).share).toBe(0);
  });
  it('area of the square is 4 km²', () => {
    expect(areaKm2(square)).toBeCloseTo(4, 3);
  });
});

describe('class breaks', () => {
  it('Jenks separates obvious groups and keeps ties together', () => {
    const c = jenksBreaks([1, 1, 2, 2, 10, 11, 12, 30, 31], 3);
    expect(c.breaks).toEqual([2, 12, 31]);
    expect(classOf(1, c)).toBe(0);
    expect(classOf(11, c)).toBe(1);
    expect(classOf(31, c)).toBe(2);
    expect(classLabels(c)).toEqual(['1–2', '3–12', '13–31']);
  });
  it('fewer distinct values than classes gives one class per value; quantiles dedupe', () => {
    expect(jenksBreaks([0, 0, 3, 3], 5).breaks).toEqual([0, 3]);
    expect(quantileBreaks([0, 0, 0, 0, 1, 2, 3, 4], 4).breaks).toEqual([0, 2, 4]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and newlines, starts with a BOM and round-trips Chinese', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: '动批,“x”', b: 'say "hi"\nthere' },
        { a: ['p1', 'p2'], b: 3 },
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['动批,“x”', 'say "hi"\nthere'],
      ['p1; p2', '3'],
    ]);
  });
});

describe('on the atlas data', () => {
  it('per-街道 counts equal the filter panel semantics and sum to places with a 街道', () => {
    const f = { ...EMPTY_FILTERS, theme: new Set(['environment'] as const) };
    const vis = applyFilters(places, f);
    const v = bySubdistrict(
      vis,
      subdistricts.map((s) => s.properties),
    );
    expect(v.reduce((s, x) => s + x.count, 0)).toBe(vis.filter((p) => p.properties.subdistrict).length);
    for (const x of v) expect(x.perKm2).toBeCloseTo(x.count / x.areaKm2, 9);
  });
  it('project rows filter by the sentence theme/phase; toggling and clearing facets', () => {
    const rows = projectRows(projects, byId);
    expect(rows.length).toBe(projects.length);
    const f = toggleFacet(EMPTY_FILTERS, 'phase', 'review');
    expect(applyFilters(rows, f).every((r) => r.project.phase === 'review')).toBe(true);
    expect(toggleFacet(f, 'phase', 'review').phase.size).toBe(0);
    expect(without(f, 'phase').phase.size).toBe(0);
  });
  it('export records carry quotes, gazetteer and an ODbL note for OSM geometry', () => {
    const paras = new Map(report.paragraphs.map((p) => [p.id, p]));
    const sd = places.find((p) => p.properties.category === 'subdistrict' && p.geometry);
    if (!sd) throw new Error('no subdistrict place');
    const r = placeRecord(sd, mentions, paras);
    expect(r.licence).toContain('ODbL');
    expect(String(r.gazetteer)).toMatch(/\.yaml:\d+$/);
    expect(quotesOf('shichahai', mentions, paras)[0]).toMatch(/^\[p1-3-1\] /);
    // The CSV's lng/lat of an area lies in the area (the representative point is on the geometry).
    for (const p of places) {
      const g = p.geometry;
      if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
      const rec = placeRecord(p, mentions, paras);
      expect(pointInArea([rec.lng as number, rec.lat as number], g), p.id).toBe(true);
    }
    // Every mentioned place has at least one quote, compounds (三海) included.
    for (const p of places) if (p.properties.mentions > 0) expect(quotesOf(p.id, mentions, paras).length, p.id).toBeGreaterThan(0);
  });
  it('recomputes the park coverage, NNI and market claims (printed for the record)', () => {
    if (!district) throw new Error('no district');
    const park = parkCoverage(report, district.geometry as never, places, 50);
    expect(park.report?.fact.value).toBe(92.7);
    expect(park.report?.paragraphId).toBe('p3-2-4');
    expect(park.coverage.share).toBeGreaterThan(0);
    expect(park.coverage.share).toBeLessThan(0.927);
    const area = district.properties.area_km2;
    expect(areaKm2(district.geometry as never)).toBeCloseTo(area, 0);
    const nni = projectNni(projects, byId, area);
    expect(nni.result?.R).toBeGreaterThan(0);
    const m = marketClaim(report, places);
    expect(m.report?.fact.value).toBe(25);
    console.log(
      JSON.stringify({
        park: { share: park.coverage.share, samples: park.coverage.samples, targets: park.targets },
        nni: nni.result,
        districtArea: area,
        markets: { report: m.report?.fact.value, mapped: m.mapped },
      }),
    );
  });
});

describe('outward flows', () => {
  it('lists outside places with projects: housing in other districts and paired assistance to 阜平 and 张北', async () => {
    const { outwardFlows } = await import('../../src/core/analysis/flows');
    const flows = outwardFlows(places, projects);
    const kind = (id: string) => flows.find((f) => f.place.id === id)?.kind;
    expect(kind('gaolizhuang-xiangmu')).toBe('housing');
    expect(kind('fangshan-qu')).toBe('housing');
    expect(kind('fuping-xian')).toBe('assistance');
    expect(kind('zhangbei-xian')).toBe('assistance');
    expect(flows.every((f) => !f.place.properties.inXicheng && f.place.geometry && f.projects.length > 0)).toBe(true);
  });
});

describe('flow clauses', () => {
  it('reads the clause around the mention, so 天津 is cooperation and 阜平 assistance', async () => {
    const { outwardFlows } = await import('../../src/core/analysis/flows');
    const flows = outwardFlows(places, projects);
    expect(flows.find((f) => f.place.id === 'tianjin-shi')?.kind).toBe('cooperation');
    expect(flows.find((f) => f.place.id === 'fuping-xian')?.kind).toBe('assistance');
  });
});
