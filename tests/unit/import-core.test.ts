import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DistrictGazetteerSchema } from '../../src/core/gazetteer/district';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import { GazetteerRecord } from '../../src/core/gazetteer/model';
import { parseYamlList } from '../../src/core/gazetteer/not-places';
import { mentionsAcross } from '../../src/core/import/across';
import { gazetteerYaml, makeAddition, tapUncertainty, toGazetteerRecord } from '../../src/core/import/additions';
import { mappedReportGeoJson } from '../../src/core/import/export';
import {
  type Gazetteers,
  linkKeyOf,
  mapReport,
  noPlaceNames,
  parsablePlaces,
  suggestNames,
  textKey,
} from '../../src/core/import/map-report';
import { type Addition, MappedReportSchema } from '../../src/core/import/model';
import { reportYear } from '../../src/core/import/year';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { MentionsSchema, PlacesCollection } from '../../src/core/places/model';
import { runChain } from '../../src/pipeline/chain';
import { errorOf, ROOT } from './helpers';

const fixture = (f: string) => readFileSync(resolve(ROOT, 'tests/fixtures/report', f));
const places = parseJsonWithSchema(readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8'), 'places', PlacesCollection).features;
const district = parseJsonWithSchema(
  readFileSync(resolve(ROOT, 'geodata/district-gazetteer.json'), 'utf8'),
  'district',
  DistrictGazetteerSchema,
).entries;
const gaz: Gazetteers = {
  places: parsablePlaces(places),
  notPlaces: parseYamlList(readFileSync(resolve(ROOT, 'geodata/gazetteer/not-places.yaml'), 'utf8'), 'not-places.yaml'),
  district,
};
const map = (f: string) => mapReport({ bytes: new Uint8Array(fixture(f)) }, f, gaz);

describe('a report mapped in the browser (the worker runs mapReport)', () => {
  it('links the same mentions as the CLI chain, from the committed places', () => {
    const f = 'xicheng-2019-style-report.txt';
    const out = mkdtempSync(join(tmpdir(), 'import-core-'));
    runChain({
      reportPath: resolve(ROOT, 'tests/fixtures/report', f),
      reportName: f,
      sourcesDir: join(out, 'no-sources'),
      gazetteerDir: resolve(ROOT, 'geodata/gazetteer'),
      out,
      fallbackGeodata: resolve(ROOT, 'geodata'),
      quiet: true,
    });
    const read = (n: string) => parseJsonWithSchema(readFileSync(join(out, n), 'utf8'), n, MentionsSchema);
    const m = map(f);
    expect(m.mentions.length).toBeGreaterThan(20);
    expect(m.mentions).toEqual(read('mentions.json'));
    expect(m.districtMentions).toEqual(read('district-mentions.json'));
    expect(MappedReportSchema.parse(m)).toEqual(m);
  });

  it('ranks candidates with their sentences and a suggested English name and id', () => {
    const m = map('xicheng-2019-style-report.txt');
    const c = m.candidates.find((x) => x.name === '杨梅竹斜街');
    expect(c).toMatchObject({ category: 'road', name_en: 'Yangmeizhu Xiejie', idBase: 'yangmeizhu-xiejie' });
    expect(c?.sentences[0]).toContain('杨梅竹斜街');
    // Ranked: scores never rise down the list.
    for (let i = 1; i < m.candidates.length; i++) expect(m.candidates[i]?.score).toBeLessThanOrEqual(m.candidates[i - 1]?.score as number);
    expect(suggestNames('北京四中')).toEqual({ name_en: 'Beijingsizhong', idBase: 'beijingsizhong' });
  });

  it('reads the year from the text, most telling first', () => {
    const year = (f: string) => map(f).year;
    expect(year('xicheng-2019-style-report.txt')).toBe(2019);
    expect(year('saved-report-page.html')).toBe(2021);
    expect(year('held-out-2023-style-report.txt')).toBe(2023);
    expect(year('xicheng-2017-government-work-report.txt')).toBe(2017);
    expect(year('pasted-excerpt.txt')).toBeNull();
    const r = map('pasted-excerpt.txt').report;
    expect(reportYear(r, 'xicheng-2024.txt')).toBe(2024);
  });

  it('refuses bad input with one clear line: binary, wrong encoding, no place names', () => {
    const bin = errorOf(() => mapReport({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0x00]) }, 'x.png', gaz));
    expect(bin.message).toMatch(/^x\.png, line 1: .*(binary|not valid UTF-8)/);
    const gbk = new Uint8Array([
      0xce, 0xf7, 0xb3, 0xc7, 0xc7, 0xf8, 0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6,
    ]);
    expect(errorOf(() => mapReport({ bytes: gbk }, 'gbk.txt', gaz)).message).toMatch(/GB18030/);
    const none = errorOf(() => mapReport({ text: '今天天气很好,我们一起去散步。\n大家都很高兴。' }, 'none.txt', gaz));
    expect(none.message).toBe(`none.txt: ${noPlaceNames(2)}`);
  });

  it('keys a text and the gazetteer it was linked with', () => {
    expect(textKey('西单')).toBe(textKey('西单'));
    expect(textKey('西单')).not.toBe(textKey('西四'));
    const k = linkKeyOf({ places: gaz.places, districtEntries: district.length });
    expect(linkKeyOf({ places: [...gaz.places].reverse(), districtEntries: district.length })).toBe(k);
    expect(
      linkKeyOf({ places: [...gaz.places, { id: 'x', name: '某', aliases: [], mapped: true }], districtEntries: district.length }),
    ).not.toBe(k);
  });
});

const candidate = () => {
  const c = map('xicheng-2019-style-report.txt').candidates.find((x) => x.name === '杨梅竹斜街');
  if (!c) throw new Error('no candidate');
  return c;
};
const from = { reportId: 'abc', file: 'r.txt', year: 2019, paragraphs: ['p1-2-1'] };

describe('a placed candidate is a gazetteer record', () => {
  it('the tap width on the ground, rounded up, at least 10 m', () => {
    expect(tapUncertainty(16, 39.9, 6)).toBe(10);
    expect(tapUncertainty(12, 39.9, 20)).toBe(295); // 20 px × 14.66 m
  });

  it('exports YAML that the pipeline loader reads back with the same schema', () => {
    const a = makeAddition(
      candidate(),
      { at: [116.39321, 39.89612], zoom: 17, tolerancePx: 6 },
      { in_xicheng: true, subdistrict: '大栅栏街道' },
      from,
      new Set(),
      new Date('2026-01-02T03:04:05Z'),
    );
    if (typeof a === 'string') throw new Error(a);
    const b = makeAddition(
      candidate(),
      { at: [116.39, 39.9], zoom: 15, tolerancePx: 20 },
      { in_xicheng: true },
      from,
      new Set([a.id]),
      new Date(),
    );
    if (typeof b === 'string') throw new Error(b);
    expect(b.id).toBe('yangmeizhu-xiejie-2');
    const yaml = gazetteerYaml([a, b], new Date('2026-01-02T00:00:00Z'));
    const back = parseGazetteerFile(yaml, 'added.yaml');
    expect(back.map((r) => r.record)).toEqual([toGazetteerRecord(a), toGazetteerRecord(b)]);
    expect(back[0]?.record).toMatchObject({
      precision: 'placed-by-user',
      subdistrict: '大栅栏街道',
      uncertainty_m: 10,
      source: { kind: 'estimated' },
    });
    expect(back[0]?.record.geometry).toEqual({ type: 'Point', coordinates: [116.39321, 39.89612] });
    expect(yaml).toContain('geometry: { type: "Point", coordinates: [ 116.39321, 39.89612 ] }');
    expect(yaml).toMatch(/^# Places added in the browser/);
  });

  it('a placed-by-user record needs a point and its uncertainty', () => {
    const base = {
      id: 'x',
      name: '某',
      name_en: 'X',
      category: 'road',
      in_xicheng: true,
      precision: 'placed-by-user',
      source: { kind: 'estimated', ref: 'r' },
    };
    expect(GazetteerRecord.safeParse({ ...base, geometry: { type: 'Point', coordinates: [116.4, 39.9] }, uncertainty_m: 10 }).success).toBe(
      true,
    );
    expect(GazetteerRecord.safeParse({ ...base, geometry: { type: 'Point', coordinates: [116.4, 39.9] } }).success).toBe(false);
    const line = {
      type: 'LineString',
      coordinates: [
        [116.4, 39.9],
        [116.41, 39.9],
      ],
    };
    expect(GazetteerRecord.safeParse({ ...base, geometry: line, uncertainty_m: 10 }).success).toBe(false);
  });

  it('a tap outside China is refused, not turned into a record', () => {
    const r = makeAddition(
      candidate(),
      { at: [2.35, 48.85], zoom: 10, tolerancePx: 6 },
      { in_xicheng: false },
      from,
      new Set(),
      new Date(),
    );
    expect(r).toMatch(/outside China/);
  });
});

describe('the mapped report as GeoJSON, and mentions across reports', () => {
  it('every place named, once, with the sentences and where its position comes from', () => {
    const m = map('xicheng-2019-style-report.txt');
    const c = candidate();
    const a = makeAddition(
      c,
      { at: [116.3932, 39.8961], zoom: 17, tolerancePx: 6 },
      { in_xicheng: true },
      from,
      new Set(),
      new Date(),
    ) as Addition;
    // The addition linked as the worker links it: mapped again with the addition among the places.
    const again = mapReport({ bytes: new Uint8Array(fixture('xicheng-2019-style-report.txt')) }, 'x.txt', {
      ...gaz,
      places: [...gaz.places, { id: a.id, name: a.name, aliases: [], mapped: true }],
    });
    expect(again.candidates.some((x) => x.name === c.name)).toBe(false);
    const fc = mappedReportGeoJson({
      mapped: again,
      reportId: 'abc',
      openedAt: '2026-01-01T00:00:00Z',
      year: 2019,
      places: new Map(places.map((p) => [p.id, p])),
      district: new Map(district.map((d) => [d.id, d])),
      additions: new Map([[a.id, a]]),
      generated: new Date(),
    });
    const ids = fc.features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const added = fc.features.find((f) => f.id === a.id);
    expect(added?.properties).toMatchObject({ kind: 'placed-by-user', precision: 'placed-by-user', mentions: 1 });
    expect((added?.properties.quotes as string[] | undefined)?.[0]).toContain('杨梅竹斜街');
    const tianyi = fc.features.find((f) => f.id === 'tianyi-shichang');
    expect(tianyi?.properties).toMatchObject({ kind: 'gazetteer', name: '天意小商品批发市场' });
    expect(fc.features.some((f) => f.properties.kind === 'district-gazetteer')).toBe(true);
    // A 街道 the curator left blank ("spans several") is not written as theirs: the derived one is marked.
    const xidan = fc.features.find((f) => f.id === 'xidan');
    expect(xidan?.properties.subdistrict).toBeUndefined();
    expect(xidan?.properties.subdistrict_derived).toBe('西长安街街道');
    expect(fc.metadata).toMatchObject({ report: { year: 2019, id: 'abc' } });
    expect(m.mentions.length).toBeLessThan(again.mentions.length);
  });

  it('lists a place by year, oldest first, unknown years last', () => {
    const reports = [
      { id: 'a', year: 2021, mapped: map('saved-report-page.html') },
      { id: 'b', year: null, mapped: map('pasted-excerpt.txt') },
      { id: 'c', year: 2019, mapped: map('xicheng-2019-style-report.txt') },
    ];
    const jrj = places.find((p) => p.properties.name === '金融街');
    const list = mentionsAcross(reports, jrj?.id ?? '');
    expect(list.map((r) => r.reportId)).toEqual(['c', 'a', 'b'].filter((id) => list.some((r) => r.reportId === id)));
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const r of list) for (const m of r.mentions) expect(m.quote[1]).toMatch(/金融街/);
  });
});
