import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { MAPPED_PRECISIONS } from '../../src/core/gazetteer/model';
import { DistrictCollection, SubdistrictCollection } from '../../src/core/geo/boundaries';
import { buildMatcher } from '../../src/core/geoparse/geoparse';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { MentionsSchema, PlacesCollection, ProjectsSchema, QualitySchema } from '../../src/core/places/model';
import { ReportSchema } from '../../src/core/report/model';
import { runChain } from '../../src/pipeline/chain';
import { loadGazetteer } from '../../src/pipeline/gazetteer';
import { REPORT_FIXTURE, ROOT } from './helpers';

const gazDir = resolve(ROOT, 'geodata/gazetteer');
const { records, notPlaces } = loadGazetteer(gazDir);
const matcher = buildMatcher(
  records.map(({ record: r }) => ({
    id: r.id,
    name: r.name,
    aliases: r.aliases,
    parts: r.parts,
    mapped: MAPPED_PRECISIONS.has(r.precision),
  })),
  notPlaces,
);
const ids = (text: string) => matcher.find(text, 'test').map((m) => `${m.text}→${m.placeId}`);
const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');

describe('geoparser: longest match and disambiguation', () => {
  it('does not read 北京 inside 北京坊, nor 西城 inside 西城园', () => {
    expect(ids('以西单、北京坊为依托')).toEqual(['西单→xidan', '北京坊→beijingfang']);
    expect(ids('中关村科技园西城园和西城园')).toEqual([
      '中关村科技园西城园→jiedao-desheng',
      '中关村科技园西城园→beizhan-diqu',
      '中关村科技园西城园→guangan-chanyeyuan',
      '西城园→jiedao-desheng',
      '西城园→beizhan-diqu',
      '西城园→guangan-chanyeyuan',
    ]);
    expect(ids('西城区、西城')).toEqual(['西城区→xicheng-qu', '西城→xicheng-qu']);
  });

  it('resolves 天桥 and 德胜 to the venue, the area or the 街道 by what follows', () => {
    expect(ids('天桥艺术中心')).toEqual(['天桥艺术中心→tianqiao-yishu-zhongxin']);
    expect(ids('天桥街道')).toEqual(['天桥街道→jiedao-tianqiao']);
    expect(ids('琉璃厂、天桥、马连道等区域')).toEqual(['琉璃厂→liulichang', '天桥→tianqiao', '马连道→maliandao']);
    expect(ids('基本建成德胜对景')).toEqual(['德胜对景→desheng-duijing']);
    expect(ids('德胜街道荣获')).toEqual(['德胜街道→jiedao-desheng']);
    expect(ids('什刹海、德胜、广外地区综合整治')).toEqual(['什刹海→shichahai', '德胜→jiedao-desheng', '广外地区→jiedao-guanganmenwai']);
  });

  it('yields every place of an enumeration', () => {
    expect(ids('百万庄北里、菜园街及枣林南里、光源里等41个棚改项目')).toEqual([
      '百万庄北里→baiwanzhuang-beili',
      '菜园街→caiyuanjie',
      '枣林南里→zaolin-nanli',
      '光源里→guangyuanli',
    ]);
    expect(ids('丰台高立庄、大兴旧宫、京粮南苑、平原里3号楼等项目')).toEqual([
      '丰台高立庄→gaolizhuang-xiangmu',
      '大兴旧宫→jiugong-xiangmu',
      '京粮南苑→jingliang-nanyuan-xiangmu',
      '平原里3号楼→pingyuanli-3-haolou',
    ]);
  });

  it('splits a compound name into its parts, skips titles of works and blocked words', () => {
    const m = matcher.find('加大“三金海”、什刹海地区治理', 'x');
    expect(m.filter((x) => x.via === 'sanjinhai').map((x) => x.placeId)).toEqual(['sanlihe-diqu', 'jinrongjie', 'zhongnanhai']);
    expect(ids('话剧《北京法源寺》上演')).toEqual([]);
    expect(ids('新建过街天桥一座')).toEqual([]);
  });
});

describe('the whole chain', () => {
  it('is deterministic and reproduces the committed geodata byte for byte', { timeout: 120_000 }, () => {
    const a = mkdtempSync(join(tmpdir(), 'atlas-a-'));
    const b = mkdtempSync(join(tmpdir(), 'atlas-b-'));
    for (const out of [a, b]) {
      runChain({
        reportPath: REPORT_FIXTURE,
        reportName: 'sources/report/xicheng-2017-government-work-report.txt',
        // No source files here on purpose: the chain must then answer from the committed geodata/.
        sourcesDir: join(a, 'no-such-dir'),
        gazetteerDir: gazDir,
        out,
        fallbackGeodata: resolve(ROOT, 'geodata'),
        quiet: true,
      });
    }
    for (const f of ['report.json', 'places.geojson', 'mentions.json', 'projects.json', 'quality.json', 'subdistricts.geojson']) {
      const x = readFileSync(join(a, f), 'utf8');
      expect(readFileSync(join(b, f), 'utf8')).toBe(x);
      expect(x, `${f} differs from the committed file`).toBe(read(`geodata/${f}`));
    }
  });

  it('lists the places a new report names that the gazetteer lacks', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-syn-'));
    const summary = runChain({
      reportPath: resolve(ROOT, 'tests/fixtures/report/synthetic-missing-places.txt'),
      reportName: 'synthetic-missing-places.txt',
      sourcesDir: join(out, 'none'),
      gazetteerDir: gazDir,
      out,
      fallbackGeodata: resolve(ROOT, 'geodata'),
      quiet: true,
    });
    const names = summary.candidates.map((c) => c.name);
    for (const missing of ['白塔寺街区', '护国寺街区', '湖广会馆', '鲁迅故居', '天宁寺', '砖塔胡同', '陶然亭公园'])
      expect(names).toContain(missing);
    // Places the gazetteer knows are found as mentions, not proposed again.
    for (const known of ['天意市场', '官园', '金融街', '牛街街道']) expect(names.some((n) => n.includes(known))).toBe(false);
    const mentions = parseJsonWithSchema(readFileSync(join(out, 'mentions.json'), 'utf8'), 'mentions.json', MentionsSchema);
    expect(mentions.map((m) => m.placeId)).toEqual(
      expect.arrayContaining(['dongwuyuan-pifa-shichang', 'tianyi-shichang', 'guanyuan-pifa-shichang', 'jiedao-niujie', 'tianqiao']),
    );
  });
});

describe('committed outputs', () => {
  const places = parseJsonWithSchema(read('geodata/places.geojson'), 'places.geojson', PlacesCollection);
  const report = parseJsonWithSchema(read('geodata/report.json'), 'report.json', ReportSchema);
  const subdistricts = parseJsonWithSchema(read('geodata/subdistricts.geojson'), 'subdistricts.geojson', SubdistrictCollection);
  const district = parseJsonWithSchema(read('geodata/district.geojson'), 'district.geojson', DistrictCollection);

  it('validate against their schemas, and mentions point at their text', () => {
    const mentions = parseJsonWithSchema(read('geodata/mentions.json'), 'mentions.json', MentionsSchema);
    parseJsonWithSchema(read('geodata/projects.json'), 'projects.json', ProjectsSchema);
    parseJsonWithSchema(read('geodata/quality.json'), 'quality.json', QualitySchema);
    const text = new Map(report.paragraphs.map((p) => [p.id, p.text]));
    const known = new Set(places.features.map((f) => f.id));
    for (const m of mentions) {
      expect(text.get(m.paragraphId)?.slice(m.start, m.end)).toBe(m.text);
      expect(known.has(m.placeId)).toBe(true);
    }
  });

  it('every place records the source and precision of its geometry', () => {
    for (const f of places.features) {
      expect(f.properties.source.ref.length).toBeGreaterThan(3);
      if (f.geometry) expect(['exact', 'approximate', 'area']).toContain(f.properties.precision);
      if (f.properties.precision === 'approximate') expect(f.properties.uncertainty_m).toBeGreaterThan(0);
    }
  });

  it('puts every in-district place inside the district and inside the 街道 it names', () => {
    const outline = district.features[0];
    for (const f of places.features) {
      if (!f.geometry || !f.properties.inXicheng || f.properties.category === 'subdistrict') continue;
      // Lines and areas may reach past the edge (their share inside is recorded); points may not.
      if (f.geometry.type !== 'Point') {
        expect(f.properties.share_in_xicheng ?? 1, `${f.id} wholly outside`).toBeGreaterThan(0);
        continue;
      }
      const pt = f.geometry.coordinates;
      expect(booleanPointInPolygon(pt, outline as never), `${f.id} outside the district`).toBe(true);
      const sd = subdistricts.features.find((s) => booleanPointInPolygon(pt, s as never));
      // The curator's 街道 is checked; a blank one stays blank and the derived one is marked as such.
      expect(f.properties.subdistrict ?? f.properties.subdistrict_derived, f.id).toBe(sd?.properties.name);
    }
    for (const f of places.features) {
      if (f.geometry?.type === 'Point' && !f.properties.inXicheng)
        expect(booleanPointInPolygon(f.geometry.coordinates, outline as never), f.id).toBe(false);
    }
  });

  it('has no accidental duplicate geometries', () => {
    const declared = new Map(records.map(({ record: r }) => [r.id, r.shares_geometry_with]));
    const seen = new Map<string, string>();
    for (const f of places.features) {
      if (!f.geometry) continue;
      const key = JSON.stringify(f.geometry);
      const other = seen.get(key);
      if (other) expect(declared.get(f.id) === other || declared.get(other) === f.id, `${f.id} duplicates ${other}`).toBe(true);
      else seen.set(key, f.id);
    }
  });
});
