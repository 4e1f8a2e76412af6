import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, PRECISIONS } from '../../src/core/gazetteer/vocab';
import { PHASES, THEMES } from '../../src/core/report/vocab';
import { changedKeys, keepUnchanged, type StateKey } from '../../src/core/state/changes';
import type { Filters } from '../../src/core/state/filters';
import { CHORO_METRICS, CHORO_OF, DEFAULT_PLANNER, DENSITY_KINDS, type PlannerOptions, WEIGHTS } from '../../src/core/state/planner';
import { DEFAULT_STATE, KNOWN_PARAMS, LANGS, MODES, parseUrlState, serializeUrlState, type UrlState } from '../../src/core/state/url';
import { STATE_KEYS, URL_SCHEMA } from '../../src/core/state/url-schema';

/**
 * The URL schema as a user meets it: a link restores exactly what it was made from, every field
 * compared by value (planner options and `near` included); what a link cannot say is refused; and
 * every field that changes is reported to the views, and only that one.
 */

const SUBDISTRICTS = ['什刹海街道', '大栅栏街道', '西长安街街道'];
const known = {
  places: new Set(['shichahai', 'beijingfang', 'dongwuyuan-pifa-shichang']),
  paragraphs: new Set(['p3-2-4', 'p1-1-1']),
  subdistricts: new Set(SUBDISTRICTS),
};

/** A number at the precision a link keeps (`d` decimals), so a round trip must give it back exactly. */
const at = (min: number, max: number, d: number) =>
  fc.integer({ min: Math.round(min * 10 ** d), max: Math.round(max * 10 ** d) }).map((n) => Number((n / 10 ** d).toFixed(d)));
const subset = <T>(values: readonly T[]) => fc.subarray([...values]).map((a) => new Set(a));
const filters: fc.Arbitrary<Filters> = fc.record({
  theme: subset(THEMES),
  phase: subset(PHASES),
  category: subset(CATEGORIES),
  subdistrict: subset(SUBDISTRICTS),
  precision: subset(PRECISIONS),
});
const planner: fc.Arbitrary<PlannerOptions> = fc.record({
  density: fc.constantFrom(...DENSITY_KINDS),
  weight: fc.constantFrom(...WEIGHTS),
  of: fc.constantFrom(...CHORO_OF),
  metric: fc.constantFrom(...CHORO_METRICS),
  opacity: fc.record({
    choropleth: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    density: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    flows: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  }),
});
const state: fc.Arbitrary<UrlState> = fc.record(
  {
    mode: fc.constantFrom(...MODES),
    lang: fc.constantFrom(...LANGS),
    place: fc.constantFrom(...known.places),
    paragraph: fc.constantFrom(...known.paragraphs),
    filters,
    view: fc.record({ zoom: at(0, 22, 2), lat: at(-85, 85, 5), lng: at(-180, 180, 5) }),
    story: fc.boolean(),
    outside: fc.boolean(),
    // A resident's spot in Beijing, to the 6 decimals (~0.1 m) a link keeps.
    near: fc.record({ lat: at(39.8, 40.0, 6), lng: at(116.2, 116.5, 6) }),
    radius: fc.integer({ min: 100, max: 3000 }),
    planner,
  },
  { requiredKeys: ['mode', 'lang', 'filters', 'story', 'outside'] },
);

/** The state as a parse gives it back: an absent optional field is absent, a default planner is none. */
function normal(s: UrlState): UrlState {
  const out: Record<string, unknown> = { ...s };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  if (s.planner && JSON.stringify(s.planner) === JSON.stringify(DEFAULT_PLANNER)) delete out.planner;
  return out as unknown as UrlState;
}

describe('a link restores every field of the state, by value', () => {
  it('parse(serialize(s)) equals s for every field (property, 300 states)', () => {
    fc.assert(
      fc.property(state, (s) => {
        const back = parseUrlState(serializeUrlState(s), known);
        expect(back.dropped).toEqual([]);
        expect(normal(back.state)).toEqual(normal(s));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a resident’s spot to ~0.1 m (6 decimals), not ~1 km', () => {
    const s: UrlState = { ...DEFAULT_STATE, mode: 'resident', near: { lat: 39.936512, lng: 116.387734 }, radius: 800 };
    const q = serializeUrlState(s);
    expect(q).toContain('near=39.936512,116.387734');
    expect(parseUrlState(q, known).state.near).toEqual({ lat: 39.936512, lng: 116.387734 });
  });

  it('writes every planner option that is not its default, the metric among them', () => {
    for (const k of ['density', 'weight', 'of', 'metric'] as const) {
      const other = { density: 'heat', weight: 'projects', of: 'projects', metric: 'perKm2' }[k];
      const p = { ...DEFAULT_PLANNER, [k]: other } as PlannerOptions;
      const back = parseUrlState(serializeUrlState({ ...DEFAULT_STATE, planner: p }), known).state.planner;
      expect(back?.[k], k).toBe(other);
    }
    const layers = parseUrlState(
      serializeUrlState({ ...DEFAULT_STATE, planner: { ...DEFAULT_PLANNER, opacity: { choropleth: 0, density: 0.3, flows: 0.75 } } }),
      known,
    );
    expect(layers.state.planner?.opacity).toEqual({ choropleth: 0, density: 0.3, flows: 0.75 });
  });

  it('leaves defaults out, so the default state is the bare address', () => {
    expect(serializeUrlState(DEFAULT_STATE)).toBe('');
    expect(serializeUrlState({ ...DEFAULT_STATE, planner: DEFAULT_PLANNER })).toBe('');
  });

  it('every parameter the schema writes is a known one, and every known one is written by some state', () => {
    const written = new Set<string>();
    fc.assert(
      fc.property(state, (s) => {
        for (const part of serializeUrlState(s).split('&').filter(Boolean)) {
          const key = part.split('=')[0] as string;
          expect(KNOWN_PARAMS).toContain(key);
          written.add(key);
        }
      }),
      { numRuns: 200 },
    );
    expect([...written].sort()).toEqual([...KNOWN_PARAMS].sort());
  });
});

describe('what a link cannot say is refused, and said so', () => {
  const view = (map: string) => parseUrlState(`map=${map}`, known);
  it('refuses a zoom outside MapLibre’s 0–22, at the edges exactly', () => {
    for (const bad of ['99/39.9/116.4', '22.01/39.9/116.4', '-1/39.9/116.4', '14/86/116.4', '14/39.9/181', '14/39.9', '14/a/116.4']) {
      expect(view(bad).state.view, bad).toBeUndefined();
      expect(view(bad).dropped.map((d) => d.param)).toEqual(['map']);
    }
    expect(view('22/85/180').state.view).toEqual({ zoom: 22, lat: 85, lng: 180 });
    expect(view('0/-85/-180').state.view).toEqual({ zoom: 0, lat: -85, lng: -180 });
  });

  it('refuses a radius outside 100–3000 m and a malformed near, at the edges exactly', () => {
    expect(parseUrlState('r=100', known).state.radius).toBe(100);
    expect(parseUrlState('r=3000', known).state.radius).toBe(3000);
    for (const r of ['99', '3001', 'x', '']) expect(parseUrlState(`r=${r}`, known).state.radius, r).toBeUndefined();
    expect(parseUrlState('near=90,180', known).state.near).toEqual({ lat: 90, lng: 180 });
    for (const n of ['90.1,116', '39,180.5', '39', '39,116,1', 'a,b'])
      expect(parseUrlState(`near=${n}`, known).state.near, n).toBeUndefined();
  });

  it('refuses unknown values one by one and keeps the rest', () => {
    const { state, dropped } = parseUrlState('theme=culture,bogus&sd=什刹海街道,火星街道&pm=area&pl=flows:50,rain:3&story=2', known);
    expect(state.filters.theme).toEqual(new Set(['culture']));
    expect(state.filters.subdistrict).toEqual(new Set(['什刹海街道']));
    expect(state.planner?.metric).toBe('count');
    expect(state.planner?.opacity.flows).toBe(0.5);
    expect(state.story).toBe(true);
    expect(dropped).toEqual([
      { param: 'theme', value: 'bogus', reason: 'unknown value' },
      { param: 'sd', value: '火星街道', reason: 'unknown value' },
      { param: 'story', value: '2', reason: 'expected one of 0, 1' },
      { param: 'pm', value: 'area', reason: 'expected one of count, perKm2' },
      { param: 'pl', value: 'rain:3', reason: 'expected layer:percent (choropleth, density, flows; 0–100)' },
    ]);
  });
});

describe('change keys: every field that changes is reported, and only it', () => {
  /** A value for each field that differs from the default state's. */
  const other: { [K in StateKey]-?: UrlState[K] } = {
    mode: 'resident',
    lang: 'en',
    place: 'shichahai',
    paragraph: 'p3-2-4',
    filters: { ...DEFAULT_STATE.filters, theme: new Set(['culture'] as const) },
    view: { zoom: 14, lat: 39.9, lng: 116.4 },
    story: false,
    outside: true,
    near: { lat: 39.93, lng: 116.38 },
    radius: 500,
    planner: { ...DEFAULT_PLANNER, metric: 'perKm2' },
  };

  it('the schema has a row for every key, and the change keys are exactly those', () => {
    expect(STATE_KEYS.sort()).toEqual(Object.keys(other).sort());
    expect([...changedKeys(undefined, DEFAULT_STATE)].sort()).toEqual(Object.keys(other).sort());
  });

  for (const key of Object.keys(other) as StateKey[]) {
    it(`a change of ${key} alone is reported as {${key}}`, () => {
      const next = { ...DEFAULT_STATE, [key]: other[key] } as UrlState;
      expect([...changedKeys(DEFAULT_STATE, next)]).toEqual([key]);
      expect([...changedKeys(next, DEFAULT_STATE)]).toEqual([key]);
    });
  }

  it('equal values in new objects are no change, and keepUnchanged keeps the old objects', () => {
    const a: UrlState = {
      ...DEFAULT_STATE,
      near: { lat: 39.93, lng: 116.38 },
      view: { zoom: 14, lat: 39.9, lng: 116.4 },
      planner: { ...DEFAULT_PLANNER },
    };
    const b: UrlState = {
      ...a,
      filters: { ...DEFAULT_STATE.filters, theme: new Set() },
      near: { lat: 39.93, lng: 116.38 },
      view: { zoom: 14, lat: 39.9, lng: 116.4 },
      planner: { ...DEFAULT_PLANNER, opacity: { ...DEFAULT_PLANNER.opacity } },
    };
    expect(changedKeys(a, b).size).toBe(0);
    const moved = { ...b, view: { zoom: 15, lat: 39.9, lng: 116.4 } };
    const changed = changedKeys(a, moved);
    expect([...changed]).toEqual(['view']);
    const kept = keepUnchanged(a, moved, changed);
    expect(kept.view).toBe(moved.view);
    for (const k of ['filters', 'near', 'planner'] as const) expect(kept[k], k).toBe(a[k]);
  });

  it('a planner option, a near point or a view that differs in one value is a change', () => {
    const base: UrlState = { ...DEFAULT_STATE, planner: DEFAULT_PLANNER, near: { lat: 1, lng: 2 }, view: { zoom: 1, lat: 1, lng: 2 } };
    const cases: Array<[StateKey, Partial<UrlState>]> = [
      ['planner', { planner: { ...DEFAULT_PLANNER, opacity: { ...DEFAULT_PLANNER.opacity, flows: 0.5 } } }],
      ['planner', { planner: { ...DEFAULT_PLANNER, density: 'heat' } }],
      ['planner', { planner: undefined }],
      ['near', { near: { lat: 1, lng: 2.000001 } }],
      ['near', { near: { lat: 1.000001, lng: 2 } }],
      ['view', { view: { zoom: 1.01, lat: 1, lng: 2 } }],
      ['view', { view: { zoom: 1, lat: 1, lng: 2.00001 } }],
      ['filters', { filters: { ...DEFAULT_STATE.filters, precision: new Set(['exact'] as const) } }],
    ];
    for (const [key, patch] of cases) expect([...changedKeys(base, { ...base, ...patch })], JSON.stringify(patch)).toEqual([key]);
  });

  it('each field of the schema reads only its own parameters', () => {
    const full = serializeUrlState({ ...DEFAULT_STATE, ...other });
    for (const k of STATE_KEYS) {
      const own = new URLSearchParams(full);
      for (const p of [...own.keys()]) if (!URL_SCHEMA[k].params.includes(p)) own.delete(p);
      const parsed = parseUrlState(own.toString(), known).state;
      expect(parsed[k], k).toEqual(other[k]);
    }
  });
});
