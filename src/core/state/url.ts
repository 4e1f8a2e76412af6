import { CATEGORIES, type Category, PRECISIONS, type Precision } from '../gazetteer/vocab';
import { PHASES, type Phase, THEMES, type Theme } from '../report/vocab';
import { EMPTY_FILTERS, type Filters } from './filters';
import { type PlannerOptions, parsePlanner, serializePlanner } from './planner';

export const MODES = ['explore', 'resident', 'planner', 'kiosk', 'import'] as const;
export type Mode = (typeof MODES)[number];
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface View {
  lng: number;
  lat: number;
  zoom: number;
}

/** Everything a shared link restores. */
export interface UrlState {
  mode: Mode;
  lang: Lang;
  place?: string | undefined;
  paragraph?: string | undefined;
  filters: Filters;
  view?: View | undefined;
  story: boolean;
  outside: boolean;
  /** Resident mode: the centre of "near me" and its radius in metres. */
  near?: { lng: number; lat: number } | undefined;
  radius?: number | undefined;
  /** Planner mode: its analysis options (undefined = the defaults). */
  planner?: PlannerOptions | undefined;
}

export const DEFAULT_STATE: UrlState = { mode: 'explore', lang: 'zh', filters: EMPTY_FILTERS, story: true, outside: false };
export const RADIUS_MIN = 100;
export const RADIUS_MAX = 3000;
export const RADIUS_DEFAULT = 1000;

export interface Dropped {
  param: string;
  value: string;
  reason: string;
}

export interface KnownIds {
  places: ReadonlySet<string>;
  paragraphs: ReadonlySet<string>;
  subdistricts: ReadonlySet<string>;
}

/** Every parameter a link may carry; anything else is reported as ignored. */
export const KNOWN_PARAMS = [
  'mode',
  'lang',
  'place',
  'p',
  'theme',
  'phase',
  'cat',
  'sd',
  'prec',
  'map',
  'story',
  'outside',
  'near',
  'r',
  'pd',
  'pw',
  'po',
  'pm',
  'pl',
];

function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '' || !/^-?\d+(\.\d+)?$/.test(s.trim())) return undefined;
  return Number(s);
}

/**
 * Reads the view state from a query string. Anything unknown or malformed is dropped and listed,
 * so the page can say what it ignored instead of breaking or silently guessing.
 */
export function parseUrlState(search: string, known: KnownIds): { state: UrlState; dropped: Dropped[] } {
  const params = new URLSearchParams(search);
  const dropped: Dropped[] = [];
  const state: UrlState = { ...DEFAULT_STATE, filters: { ...EMPTY_FILTERS } };
  const drop = (param: string, value: string, reason: string) => dropped.push({ param, value, reason });

  for (const [k, v] of params) if (!KNOWN_PARAMS.includes(k)) drop(k, v, 'unknown parameter');

  const one = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = params.get(key);
    if (v === null) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    drop(key, v, `expected one of ${allowed.join(', ')}`);
    return undefined;
  };
  const many = <T extends string>(key: string, allowed: (v: string) => boolean): Set<T> => {
    const v = params.get(key);
    const out = new Set<T>();
    if (v === null || v === '') return out;
    for (const item of v.split(',')) {
      if (allowed(item)) out.add(item as T);
      else drop(key, item, 'unknown value');
    }
    return out;
  };

  state.mode = one('mode', MODES) ?? state.mode;
  state.lang = one('lang', LANGS) ?? state.lang;
  const place = params.get('place');
  if (place !== null) {
    if (known.places.has(place)) state.place = place;
    else drop('place', place, 'no such place');
  }
  const p = params.get('p');
  if (p !== null) {
    if (known.paragraphs.has(p)) state.paragraph = p;
    else drop('p', p, 'no such paragraph');
  }
  state.filters = {
    theme: many<Theme>('theme', (x) => (THEMES as readonly string[]).includes(x)),
    phase: many<Phase>('phase', (x) => (PHASES as readonly string[]).includes(x)),
    category: many<Category>('cat', (x) => (CATEGORIES as readonly string[]).includes(x)),
    subdistrict: many<string>('sd', (x) => known.subdistricts.has(x)),
    precision: many<Precision>('prec', (x) => (PRECISIONS as readonly string[]).includes(x)),
  };
  const map = params.get('map');
  if (map !== null) {
    const parts = map.split('/');
    const [z, lat, lng] = parts.map((x) => num(x));
    if (
      parts.length === 3 &&
      z !== undefined &&
      lat !== undefined &&
      lng !== undefined &&
      z >= 0 &&
      z <= 22 &&
      Math.abs(lat) <= 85 &&
      Math.abs(lng) <= 180
    )
      state.view = { zoom: z, lat, lng };
    else drop('map', map, 'expected zoom/lat/lng');
  }
  const story = one('story', ['0', '1'] as const);
  if (story) state.story = story === '1';
  const outside = one('outside', ['0', '1'] as const);
  if (outside) state.outside = outside === '1';
  const near = params.get('near');
  if (near !== null) {
    const parts = near.split(',');
    const [lat, lng] = parts.map((x) => num(x));
    if (parts.length === 2 && lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)
      state.near = { lat, lng };
    else drop('near', near, 'expected lat,lng');
  }
  const r = params.get('r');
  if (r !== null) {
    const v = num(r);
    if (v !== undefined && v >= RADIUS_MIN && v <= RADIUS_MAX) state.radius = v;
    else drop('r', r, `expected metres between ${RADIUS_MIN} and ${RADIUS_MAX}`);
  }
  const planner = parsePlanner(params, drop);
  if (planner) state.planner = planner;
  return { state, dropped };
}

const list = (s: ReadonlySet<string>) => [...s].sort().join(',');
const fixed = (n: number, d: number) => String(Number(n.toFixed(d)));

/** The query string for a state; defaults are left out so links stay short. */
export function serializeUrlState(s: UrlState): string {
  const q: Array<[string, string]> = [];
  if (s.mode !== 'explore') q.push(['mode', s.mode]);
  if (s.lang !== 'zh') q.push(['lang', s.lang]);
  if (s.place) q.push(['place', s.place]);
  if (s.paragraph) q.push(['p', s.paragraph]);
  const f = s.filters;
  if (f.theme.size) q.push(['theme', list(f.theme)]);
  if (f.phase.size) q.push(['phase', list(f.phase)]);
  if (f.category.size) q.push(['cat', list(f.category)]);
  if (f.subdistrict.size) q.push(['sd', list(f.subdistrict)]);
  if (f.precision.size) q.push(['prec', list(f.precision)]);
  if (!s.story) q.push(['story', '0']);
  if (s.outside) q.push(['outside', '1']);
  if (s.near) q.push(['near', `${fixed(s.near.lat, 6)},${fixed(s.near.lng, 6)}`]);
  if (s.radius !== undefined) q.push(['r', String(Math.round(s.radius))]);
  q.push(...serializePlanner(s.planner));
  if (s.view) q.push(['map', `${fixed(s.view.zoom, 2)}/${fixed(s.view.lat, 5)}/${fixed(s.view.lng, 5)}`]);
  // Commas and slashes are legal in a query; keeping them readable makes links readable.
  return q.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/')}`).join('&');
}
