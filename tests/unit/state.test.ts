import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { PlacesCollection } from '../../src/core/places/model';
import { applyFilters, EMPTY_FILTERS, type Filterable, type Filters, facetCounts } from '../../src/core/state/filters';
import { searchPlaces, withinOneEdit } from '../../src/core/state/search';
import { DEFAULT_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../src/core/state/url';
import { ROOT } from './helpers';

const places = parseJsonWithSchema(
  readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8'),
  'places.geojson',
  PlacesCollection,
).features;

const mk = (id: string, themes: string[], phases: string[], category: string, subdistrict?: string): Filterable =>
  ({ id, properties: { themes, phases, category, subdistrict, precision: 'approximate' } }) as unknown as Filterable;
const toy = [
  mk('a', ['culture'], ['review'], 'heritage', '什刹海街道'),
  mk('b', ['culture', 'economy'], ['tasks'], 'commercial', '大栅栏街道'),
  mk('c', ['environment'], ['tasks', 'plan'], 'park', '什刹海街道'),
  mk('d', ['decongestion'], ['review', 'tasks'], 'wholesale-market', '展览路街道'),
];
const f = (patch: Partial<Record<keyof Filters, string[]>>): Filters => ({
  ...EMPTY_FILTERS,
  ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, new Set(v)])),
});

describe('filters: AND across groups, OR within a group', () => {
  it('filters', () => {
    expect(applyFilters(toy, EMPTY_FILTERS).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(applyFilters(toy, f({ theme: ['culture', 'environment'] })).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(applyFilters(toy, f({ theme: ['culture', 'environment'], phase: ['tasks'] })).map((p) => p.id)).toEqual(['b', 'c']);
    expect(applyFilters(toy, f({ subdistrict: ['什刹海街道'], phase: ['review'] })).map((p) => p.id)).toEqual(['a']);
  });

  it('counts each value as if it were chosen, given the other groups', () => {
    const c = facetCounts(toy, f({ phase: ['tasks'] }));
    expect(c.theme.get('culture')).toBe(1);
    expect(c.theme.get('decongestion')).toBe(1);
    // The phase group's own counts ignore its own choice, so other phases still show their totals.
    expect(c.phase.get('review')).toBe(2);
    expect(c.phase.get('tasks')).toBe(3);
  });

  it('on the real places: every count equals the size of the filter it promises', () => {
    const base = f({ phase: ['tasks'] });
    const counts = facetCounts(places, base);
    for (const [theme, n] of counts.theme) {
      expect(applyFilters(places, { ...base, theme: new Set([theme]) } as Filters).length).toBe(n);
    }
  });
});

describe('search', () => {
  const top = (q: string) => searchPlaces(places, q)[0]?.id;
  it('finds by Chinese name and alias, pinyin, initials and English', () => {
    expect(top('什刹海')).toBe('shichahai');
    expect(top('shichahai')).toBe('shichahai');
    expect(top('shi cha hai')).toBe('shichahai');
    expect(top('sch')).toBe('shichahai');
    expect(top('动批')).toBe('dongwuyuan-pifa-shichang');
    expect(top('Beijing Fun')).toBe('beijingfang');
    expect(top('beijingfang')).toBe('beijingfang');
    expect(searchPlaces(places, 'zzzz')).toEqual([]);
    expect(searchPlaces(places, '')).toEqual([]);
  });

  it('forgives one typo in Latin input when nothing matches as typed', () => {
    const ids = (q: string) => searchPlaces(places, q).map((h) => h.id);
    expect(top('shichahia')).toBe('shichahai'); // swapped letters
    expect(top('shichhai')).toBe('shichahai'); // a letter missing
    expect(ids('scs')).toContain('shichahai'); // initials with one wrong letter (s-c-h)
    expect(top('beijingfnag')).toBe('beijingfang');
    // An exact match is never mixed with guesses, and two typos are too many.
    expect(ids('sch')).not.toContain('dashilan');
    expect(searchPlaces(places, 'shichxhix')).toEqual([]);
  });

  it('counts one edit exactly', () => {
    expect(withinOneEdit('sch', 'scs')).toBe(true);
    expect(withinOneEdit('hia', 'hai')).toBe(true);
    expect(withinOneEdit('abc', 'ac')).toBe(true);
    expect(withinOneEdit('abc', 'abcd')).toBe(true);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
    expect(withinOneEdit('abcd', 'abdc')).toBe(true);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });
});

describe('URL state', () => {
  const known = {
    places: new Set(places.map((p) => p.id)),
    paragraphs: new Set(['p3-2-4', 'p1-1-1']),
    subdistricts: new Set(['什刹海街道', '大栅栏街道']),
  };
  it('round-trips every field', () => {
    const s: UrlState = {
      ...DEFAULT_STATE,
      mode: 'planner',
      lang: 'en',
      place: 'shichahai',
      paragraph: 'p3-2-4',
      filters: f({
        theme: ['culture', 'economy'],
        phase: ['tasks'],
        category: ['park'],
        subdistrict: ['什刹海街道'],
        precision: ['exact'],
      }),
      view: { zoom: 14.5, lat: 39.93, lng: 116.38 },
      story: false,
      outside: true,
      near: { lat: 39.91, lng: 116.36 },
      radius: 500,
    };
    const q = serializeUrlState(s);
    const back = parseUrlState(q, known);
    expect(back.dropped).toEqual([]);
    expect(serializeUrlState(back.state)).toBe(q);
    expect(back.state.filters.theme).toEqual(new Set(['culture', 'economy']));
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
  });

  it('drops unknown and malformed parameters and says which', () => {
    const { state, dropped } = parseUrlState(
      '?place=nowhere&theme=culture,bogus&map=abc&r=99999&mode=admin&utm=1&p=p9-9-9&near=1,2,x',
      known,
    );
    expect(state.place).toBeUndefined();
    expect(state.filters.theme).toEqual(new Set(['culture']));
    expect(state.view).toBeUndefined();
    expect(state.mode).toBe('explore');
    expect(dropped.map((d) => d.param).sort()).toEqual(['map', 'mode', 'near', 'p', 'place', 'r', 'theme', 'utm']);
  });
});
