import { CATEGORIES, PRECISIONS } from '../gazetteer/vocab';
import { PHASES, THEMES } from '../report/vocab';
import { EMPTY_FILTERS, type FacetKey, type Filters } from './filters';
import { PLANNER_PARAMS, type PlannerOptions, parsePlanner, samePlanner, serializePlanner } from './planner';

/**
 * The URL schema: one table from which the parser, the serialiser, the known parameters and the
 * change keys all derive (url.ts, changes.ts). A new field of UrlState without its row here is a
 * compile error (the table's type maps every key of UrlState, none optional), so no list can be
 * forgotten.
 */

export const MODES = ['explore', 'resident', 'planner', 'kiosk', 'import'] as const;
export type Mode = (typeof MODES)[number];
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface View {
  lng: number;
  lat: number;
  zoom: number;
}
export interface Point {
  lng: number;
  lat: number;
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
  near?: Point | undefined;
  radius?: number | undefined;
  /** Planner mode: its analysis options (undefined = the defaults). */
  planner?: PlannerOptions | undefined;
}

export const DEFAULT_STATE: UrlState = { mode: 'explore', lang: 'zh', filters: EMPTY_FILTERS, story: true, outside: false };
export const RADIUS_MIN = 100;
export const RADIUS_MAX = 3000;
export const RADIUS_DEFAULT = 1000;
/** The map's zoom range a link may ask for (MapLibre's own range). */
export const ZOOM_MIN = 0;
export const ZOOM_MAX = 22;
/**
 * Decimals kept in a link. `near` is where a resident stands: 6 decimals (~0.1 m), so a shared
 * link puts the centre where it was set; the map's view needs ~1 m (5) and its zoom 2.
 */
export const NEAR_DECIMALS = 6;
export const VIEW_DECIMALS = { zoom: 2, lat: 5, lng: 5 } as const;

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

/** What a field's parser reads from: the query, the ids that exist, and where to say what it dropped. */
export interface ParseContext {
  params: URLSearchParams;
  known: KnownIds;
  drop(param: string, value: string, reason: string): void;
}

/** One row of the schema: the parameters a field owns, how it reads, writes and compares them. */
export interface UrlField<T> {
  params: readonly string[];
  /** The value a link gives, or undefined to keep the default (what was malformed is dropped). */
  parse(ctx: ParseContext): T | undefined;
  /** The parameters for a value; nothing for the default, so links stay short. */
  write(v: T): Array<[string, string]>;
  /** Whether two values are the same for the views (a pan is a new view, equal sets are not new filters). */
  same(a: T, b: T): boolean;
}

export type UrlSchema = { [K in keyof UrlState]-?: UrlField<UrlState[K]> };

export function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '' || !/^-?\d+(\.\d+)?$/.test(s.trim())) return undefined;
  return Number(s);
}
/** `n` to `d` decimals, without trailing zeros. */
export const fixed = (n: number, d: number) => String(Number(n.toFixed(d)));
const list = (s: ReadonlySet<string>) => [...s].sort().join(',');
const is = <T>(a: T, b: T) => a === b;
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const samePoint = (a: Point | undefined, b: Point | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.lng === b.lng && a.lat === b.lat);

/** One value from a closed list. */
function oneOf<T extends string>(ctx: ParseContext, key: string, allowed: readonly T[]): T | undefined {
  const v = ctx.params.get(key);
  if (v === null) return undefined;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  ctx.drop(key, v, `expected one of ${allowed.join(', ')}`);
  return undefined;
}

/** A comma-separated set; each value that is not allowed is dropped alone. */
function setOf(ctx: ParseContext, key: string, allowed: (v: string) => boolean): Set<string> {
  const v = ctx.params.get(key);
  const out = new Set<string>();
  if (v === null || v === '') return out;
  for (const item of v.split(',')) {
    if (allowed(item)) out.add(item);
    else ctx.drop(key, item, 'unknown value');
  }
  return out;
}

/** An id that must exist (a place, a paragraph). */
function idField(param: string, known: (k: KnownIds) => ReadonlySet<string>, reason: string): UrlField<string | undefined> {
  return {
    params: [param],
    parse(ctx) {
      const v = ctx.params.get(param);
      if (v === null) return undefined;
      if (known(ctx.known).has(v)) return v;
      ctx.drop(param, v, reason);
      return undefined;
    },
    write: (v) => (v ? [[param, v]] : []),
    same: is,
  };
}

/** A closed list whose default is left out of links. */
function choiceField<T extends string>(param: string, allowed: readonly T[], dflt: T): UrlField<T> {
  return {
    params: [param],
    parse: (ctx) => oneOf(ctx, param, allowed),
    write: (v) => (v !== dflt ? [[param, v]] : []),
    same: is,
  };
}

/** A 0/1 switch. */
function flagField(param: string, dflt: boolean): UrlField<boolean> {
  return {
    params: [param],
    parse: (ctx) => {
      const v = oneOf(ctx, param, ['0', '1'] as const);
      return v === undefined ? undefined : v === '1';
    },
    write: (v) => (v !== dflt ? [[param, v ? '1' : '0']] : []),
    same: is,
  };
}

/** Each facet's parameter and the values it allows; a new facet without its parameter does not compile. */
const FACET_PARAMS: { [K in FacetKey]: { param: string; allowed: (v: string, known: KnownIds) => boolean } } = {
  theme: { param: 'theme', allowed: (v) => (THEMES as readonly string[]).includes(v) },
  phase: { param: 'phase', allowed: (v) => (PHASES as readonly string[]).includes(v) },
  category: { param: 'cat', allowed: (v) => (CATEGORIES as readonly string[]).includes(v) },
  subdistrict: { param: 'sd', allowed: (v, known) => known.subdistricts.has(v) },
  precision: { param: 'prec', allowed: (v) => (PRECISIONS as readonly string[]).includes(v) },
};
const FACET_KEYS = Object.keys(FACET_PARAMS) as FacetKey[];

const filtersField: UrlField<Filters> = {
  params: FACET_KEYS.map((k) => FACET_PARAMS[k].param),
  parse: (ctx) =>
    Object.fromEntries(
      FACET_KEYS.map((k) => [k, setOf(ctx, FACET_PARAMS[k].param, (v) => FACET_PARAMS[k].allowed(v, ctx.known))]),
    ) as unknown as Filters,
  write: (f) => FACET_KEYS.filter((k) => f[k].size > 0).map((k) => [FACET_PARAMS[k].param, list(f[k])]),
  same: (a, b) => a === b || FACET_KEYS.every((k) => sameSet(a[k], b[k])),
};

const viewField: UrlField<View | undefined> = {
  params: ['map'],
  parse(ctx) {
    const map = ctx.params.get('map');
    if (map === null) return undefined;
    const parts = map.split('/');
    const [z, lat, lng] = parts.map((x) => num(x));
    if (
      parts.length === 3 &&
      z !== undefined &&
      lat !== undefined &&
      lng !== undefined &&
      z >= ZOOM_MIN &&
      z <= ZOOM_MAX &&
      Math.abs(lat) <= 85 &&
      Math.abs(lng) <= 180
    )
      return { zoom: z, lat, lng };
    ctx.drop('map', map, 'expected zoom/lat/lng');
    return undefined;
  },
  write: (v) =>
    v ? [['map', `${fixed(v.zoom, VIEW_DECIMALS.zoom)}/${fixed(v.lat, VIEW_DECIMALS.lat)}/${fixed(v.lng, VIEW_DECIMALS.lng)}`]] : [],
  same: (a, b) => samePoint(a, b) && a?.zoom === b?.zoom,
};

const nearField: UrlField<Point | undefined> = {
  params: ['near'],
  parse(ctx) {
    const near = ctx.params.get('near');
    if (near === null) return undefined;
    const parts = near.split(',');
    const [lat, lng] = parts.map((x) => num(x));
    if (parts.length === 2 && lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) return { lat, lng };
    ctx.drop('near', near, 'expected lat,lng');
    return undefined;
  },
  write: (v) => (v ? [['near', `${fixed(v.lat, NEAR_DECIMALS)},${fixed(v.lng, NEAR_DECIMALS)}`]] : []),
  same: samePoint,
};

const radiusField: UrlField<number | undefined> = {
  params: ['r'],
  parse(ctx) {
    const r = ctx.params.get('r');
    if (r === null) return undefined;
    const v = num(r);
    if (v !== undefined && v >= RADIUS_MIN && v <= RADIUS_MAX) return v;
    ctx.drop('r', r, `expected metres between ${RADIUS_MIN} and ${RADIUS_MAX}`);
    return undefined;
  },
  write: (v) => (v !== undefined ? [['r', String(Math.round(v))]] : []),
  same: is,
};

const plannerField: UrlField<PlannerOptions | undefined> = {
  params: Object.values(PLANNER_PARAMS),
  parse: (ctx) => parsePlanner(ctx.params, ctx.drop),
  write: serializePlanner,
  same: (a, b) => a === b || (a !== undefined && b !== undefined && samePlanner(a, b)),
};

/**
 * The schema, in the order a link writes its parameters (the map's view last: it changes most).
 * Every key of UrlState has its row; the compiler refuses the table without one.
 */
export const URL_SCHEMA: UrlSchema = {
  mode: choiceField('mode', MODES, DEFAULT_STATE.mode),
  lang: choiceField('lang', LANGS, DEFAULT_STATE.lang),
  place: idField('place', (k) => k.places, 'no such place'),
  paragraph: idField('p', (k) => k.paragraphs, 'no such paragraph'),
  filters: filtersField,
  story: flagField('story', DEFAULT_STATE.story),
  outside: flagField('outside', DEFAULT_STATE.outside),
  near: nearField,
  radius: radiusField,
  planner: plannerField,
  view: viewField,
};

/** The keys of UrlState, in the schema's order. */
export const STATE_KEYS = Object.keys(URL_SCHEMA) as Array<keyof UrlState>;
