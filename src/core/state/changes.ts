import { FACETS, type Filters } from './filters';
import type { UrlState, View } from './url';

export type StateKey = keyof UrlState;
/** The keys of the state that differ between two states: what a view needs to redraw. */
export type Changed = ReadonlySet<StateKey>;

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

export function sameFilters(a: Filters, b: Filters): boolean {
  return a === b || FACETS.every((k) => sameSet(a[k] as ReadonlySet<string>, b[k] as ReadonlySet<string>));
}

const samePoint = (a: { lng: number; lat: number } | undefined, b: { lng: number; lat: number } | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.lng === b.lng && a.lat === b.lat);
const sameView = (a: View | undefined, b: View | undefined) => samePoint(a, b) && a?.zoom === b?.zoom;

function same(key: StateKey, a: UrlState, b: UrlState): boolean {
  switch (key) {
    case 'filters':
      return sameFilters(a.filters, b.filters);
    case 'view':
      return sameView(a.view, b.view);
    case 'near':
      return samePoint(a.near, b.near);
    case 'planner':
      return a.planner === b.planner || JSON.stringify(a.planner) === JSON.stringify(b.planner);
    default:
      return a[key] === b[key];
  }
}

const KEYS: readonly StateKey[] = [
  'mode',
  'lang',
  'place',
  'paragraph',
  'filters',
  'view',
  'story',
  'outside',
  'near',
  'radius',
  'planner',
];

/** Which keys changed from `prev` to `next`. */
export function changedKeys(prev: UrlState | undefined, next: UrlState): Set<StateKey> {
  if (!prev) return new Set(KEYS);
  return new Set(KEYS.filter((k) => !same(k, prev, next)));
}

/**
 * `next` with every unchanged value taken from `prev` (same object), so that selectors memoised
 * on their inputs' identity recompute only what a change touches.
 */
export function keepUnchanged(prev: UrlState, next: UrlState, changed: Changed): UrlState {
  const out = { ...next };
  for (const k of KEYS) if (!changed.has(k)) (out as Record<string, unknown>)[k] = prev[k];
  return out;
}
