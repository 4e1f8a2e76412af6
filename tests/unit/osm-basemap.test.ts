import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_BBOX, eachPosition } from '../../src/core/geo/basemap';
import {
  OSM_BASEMAP_FILE_NAMES,
  OSM_BASEMAP_FILES,
  OsmManifest,
  type OsmRoadCollectionT,
  type OsmWaterCollectionT,
  roadClass,
} from '../../src/core/geo/osm-basemap';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { buildOsmBasemap, checkOsmTools, OSM_TOOLS_INSTALL, type OsmBasemapBuild } from '../../src/pipeline/basemap/osm';
import { ROOT } from './helpers';

const FIXTURE = resolve(ROOT, 'tests/fixtures/osm/shichahai.osm');
let dirs: string[] = [];
let builds: OsmBasemapBuild[] = [];
beforeAll(async () => {
  // No skipping: without osmium-tool this fails with the apt-get line (npm test installs it as root).
  checkOsmTools();
  dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'osm-basemap-')));
  builds = await Promise.all(dirs.map((d) => buildOsmBasemap(FIXTURE, d, { allowPartial: true })));
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const read = <T>(file: keyof typeof OSM_BASEMAP_FILES): T =>
  parseJsonWithSchema(readFileSync(join(dirs[0] as string, file), 'utf8'), file, OSM_BASEMAP_FILES[file]) as T;

describe('OSM street basemap from an extract (fixture around 什刹海)', () => {
  it('writes every layer and a manifest that validate, byte-identical on a second run', () => {
    const manifest = parseJsonWithSchema(readFileSync(join(dirs[0] as string, 'manifest.json'), 'utf8'), 'manifest.json', OsmManifest);
    expect(manifest.present).toBe(true);
    if (!manifest.present) return;
    expect(manifest.files.map((f) => f.file)).toEqual(OSM_BASEMAP_FILE_NAMES);
    expect(manifest.source).toBe('shichahai.osm');
    // The newest object in the fixture is the relations' timestamp.
    expect(manifest.dataTimestamp).toBe('2026-04-22T00:00:00Z');
    for (const f of [...OSM_BASEMAP_FILE_NAMES, 'manifest.json'])
      expect(readFileSync(join(dirs[1] as string, f), 'utf8'), f).toBe(readFileSync(join(dirs[0] as string, f), 'utf8'));
    expect(builds[0]?.manifest).toEqual(manifest);
  });

  it('keeps named streets and hutongs with name and class, joins a street mapped as several ways, drops non-streets', () => {
    const roads = read<OsmRoadCollectionT>('roads.geojson');
    const byName = new Map(roads.features.map((f) => [f.properties.name, f]));
    expect(byName.get('烟袋斜街')?.properties).toEqual({ class: 'hutong', name: '烟袋斜街', name_en: 'Yandai Xiejie' });
    expect(byName.get('小石碑胡同')?.properties.class).toBe('hutong');
    expect(byName.get('鼓楼西大街')?.properties.class).toBe('secondary');
    expect(byName.get('前海北沿')?.properties.class).toBe('minor');
    // 地安门外大街 is two ways in the fixture, sharing a node: one line in the output.
    const dianmen = byName.get('地安门外大街');
    expect(dianmen?.properties.class).toBe('primary');
    expect(dianmen?.geometry.type).toBe('LineString');
    expect(dianmen?.geometry.coordinates).toHaveLength(3);
    // Under construction, a pedestrian square (area=yes) and a road far outside the box are not streets here.
    expect(byName.has('在建道路')).toBe(false);
    expect(byName.has('荷花市场广场')).toBe(false);
    expect(byName.has('通州北苑路')).toBe(false);
    // An unnamed footway is kept (as a path), with a null name rather than an empty one.
    expect(roads.features.some((f) => f.properties.class === 'path' && f.properties.name === null)).toBe(true);
  });

  it('clips everything to the app box', () => {
    for (const file of OSM_BASEMAP_FILE_NAMES) {
      const fc = read<{ features: Array<{ geometry: { type: string; coordinates: unknown } }> }>(file);
      for (const f of fc.features)
        eachPosition(f.geometry, ([x, y]) => {
          expect(x).toBeGreaterThanOrEqual(BASEMAP_BBOX[0]);
          expect(x).toBeLessThanOrEqual(BASEMAP_BBOX[2]);
          expect(y).toBeGreaterThanOrEqual(BASEMAP_BBOX[1]);
          expect(y).toBeLessThanOrEqual(BASEMAP_BBOX[3]);
        });
    }
    // 阜成门外大街 starts at 116.27 in the fixture: cut at the box's west edge.
    const f = read<OsmRoadCollectionT>('roads.geojson').features.find((r) => r.properties.name === '阜成门外大街');
    expect(f?.geometry.coordinates[0]).toEqual([116.28, 39.92352]);
  });

  it('assembles 什刹海 from its multipolygon relation: two lakes, one of them from two ways, with the island as a hole', () => {
    const water = read<OsmWaterCollectionT>('water.geojson');
    const lake = water.features.find((f) => f.properties.name === '什刹海');
    expect(lake?.properties).toEqual({ kind: 'area', name: '什刹海' });
    expect(lake?.geometry.type).toBe('MultiPolygon');
    const polys = lake?.geometry.type === 'MultiPolygon' ? lake.geometry.coordinates : [];
    expect(polys).toHaveLength(2);
    expect(polys.map((p) => p.length).sort()).toEqual([1, 2]);
    // A closed way tagged as water is an area too; the culverted 玉河 is a covered line.
    expect(water.features.find((f) => f.properties.name === '西海')?.geometry.type).toBe('Polygon');
    expect(water.features.find((f) => f.properties.name === '玉河')?.properties).toEqual({
      kind: 'line',
      name: '玉河',
      waterway: 'stream',
      covered: true,
    });
  });

  it('keeps parks, buildings (a courtyard as a hole) and railways (tunnels flagged)', () => {
    const parks = read<{ features: Array<{ properties: unknown }> }>('parks.geojson');
    expect(parks.features.map((f) => f.properties)).toEqual([{ class: 'park', name: '北海公园' }]);
    const buildings = read<{
      features: Array<{ properties: { name: string | null }; geometry: { type: string; coordinates: unknown[] } }>;
    }>('buildings.geojson');
    expect(buildings.features.map((f) => f.properties.name).sort()).toEqual(['四合院', '鼓楼']);
    expect(buildings.features.find((f) => f.properties.name === '四合院')?.geometry.coordinates).toHaveLength(2);
    const rail = read<{ features: Array<{ properties: unknown }> }>('railways.geojson');
    expect(rail.features.map((f) => f.properties)).toEqual([
      { class: 'rail', name: '京广铁路', tunnel: false },
      { class: 'subway', name: '地铁8号线', tunnel: true },
    ]);
  });
});

describe('road classes from OSM tags', () => {
  it('maps highway=* to the classes the map draws, and hutong names to hutong', () => {
    expect(roadClass({ highway: 'primary_link' })).toBe('primary');
    expect(roadClass({ highway: 'residential', name: '南锣鼓巷' })).toBe('hutong');
    expect(roadClass({ highway: 'service', name: '东四十条' })).toBe('hutong');
    expect(roadClass({ highway: 'residential', name: '德胜门内大街' })).toBe('minor');
    expect(roadClass({ highway: 'primary', name: '西四北大街' })).toBe('primary');
    expect(roadClass({ highway: 'steps' })).toBe('path');
    expect(roadClass({ highway: 'proposed' })).toBeNull();
    expect(roadClass({ highway: 'pedestrian', area: 'yes' })).toBeNull();
    expect(roadClass({ railway: 'rail' })).toBeNull();
  });
});

describe('missing tools', () => {
  it('names the Debian package and the exact apt-get line', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => checkOsmTools()).toThrow(/osmium \(Debian package osmium-tool\)[\s\S]*sudo apt-get install -y osmium-tool/);
    } finally {
      process.env.PATH = path;
    }
    expect(OSM_TOOLS_INSTALL).toBe('sudo apt-get install -y osmium-tool');
  });
});
