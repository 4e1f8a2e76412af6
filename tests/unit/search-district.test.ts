import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DistrictGazetteerSchema } from '../../src/core/gazetteer/district';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { type Searchable, searchWithDistrict } from '../../src/core/state/search';
import { ROOT } from './helpers';

const read = (p: string) => readFileSync(resolve(ROOT, p), 'utf8');
const { entries } = parseJsonWithSchema(read('geodata/district-gazetteer.json'), 'district-gazetteer.json', DistrictGazetteerSchema);
const places = parseJsonWithSchema(read('geodata/places.geojson'), 'places.geojson', PlacesCollection).features;
const search = (q: string) => searchWithDistrict(places, entries, q);

describe('search finds every entry of the district gazetteer', () => {
  it('by its Chinese name, its pinyin and its English name', () => {
    const placeIds = new Set(places.map((p) => p.id));
    const missed: string[] = [];
    for (const e of entries) {
      // An entry that is a report place is found as that place.
      const want = e.placeId && placeIds.has(e.placeId) ? e.placeId : e.id;
      for (const q of [e.name, e.pinyin.replace(/ /g, ''), e.name_en])
        if (!search(q).some((h) => h.id === want)) missed.push(`${e.name} ← ${q}`);
    }
    expect(missed).toEqual([]);
  }, 30_000); // ~1,300 searches: a few seconds when the machine is busy

  it('says where a hit comes from, and lets a report place win at equal match', () => {
    expect(search('西交民巷社区')[0]).toMatchObject({ id: 'sq-110102001007', source: 'district' });
    expect(search('pinganli')[0]).toMatchObject({ id: 'stn-ping-an-li', source: 'district' });
    expect(search('Niujie Station')[0]).toMatchObject({ id: 'stn-niu-jie', source: 'district' });
    // 天桥 is the report's place; 天桥站 comes after it.
    expect(
      search('天桥')
        .map((h) => h.id)
        .slice(0, 2),
    ).toEqual(['tianqiao', 'stn-tian-qiao']);
    // 地铁19号线 is a report place: found once, as the place.
    expect(
      search('地铁19号线')
        .filter((h) => h.id === 'ditie-19-hao-xian' || h.id === 'line-19')
        .map((h) => h.id),
    ).toEqual(['ditie-19-hao-xian']);
  });

  it('by its pinyin initials, as a place is found', () => {
    const placeIds = new Set(places.map((p) => p.id));
    const missed: string[] = [];
    for (const e of entries) {
      if (e.initials.length < 2) continue;
      const want = e.placeId && placeIds.has(e.placeId) ? e.placeId : e.id;
      if (!searchWithDistrict(places, entries, e.initials, Number.POSITIVE_INFINITY).some((h) => h.id === want))
        missed.push(`${e.name} ← ${e.initials}`);
    }
    expect(missed).toEqual([]);
    // 平安里 (a station only) by its initials, first among the stations
    expect(search('pal').find((h) => h.source === 'district')).toMatchObject({ id: 'stn-ping-an-li' });
  }, 30_000);

  it('at an exactly equal match a report place ranks before a district entry, whatever their ids', () => {
    const place = (id: string, name: string): Searchable => ({
      id,
      properties: { name, name_en: 'X', aliases: [], pinyin: 'x', initials: 'x', mentions: 0, category: 'transport' },
    });
    const entry = (id: string, name: string) => ({
      ...(entries[0] as (typeof entries)[number]),
      id,
      name,
      placeId: undefined,
      aliases: [],
    });
    // The entry's id sorts first, so only the rank for a report place puts the place first.
    const hits = searchWithDistrict([place('zz-place', '某某站')], [entry('aa-entry', '某某站')], '某某站');
    expect(hits.map((h) => [h.id, h.source])).toEqual([
      ['zz-place', 'place'],
      ['aa-entry', 'district'],
    ]);
  });
});
