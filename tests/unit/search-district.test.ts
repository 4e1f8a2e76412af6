import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DistrictGazetteerSchema } from '../../src/core/gazetteer/district';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { searchWithDistrict } from '../../src/core/state/search';
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
});
