import { STATE_KEYS, URL_SCHEMA, type UrlState } from './url-schema';

export type StateKey = keyof UrlState;
/** The keys of the state that differ between two states: what a view needs to redraw. */
export type Changed = ReadonlySet<StateKey>;

/** Whether one field is the same in two states, as the schema compares it. */
function same<K extends StateKey>(key: K, a: UrlState, b: UrlState): boolean {
  return (URL_SCHEMA[key] as { same(x: unknown, y: unknown): boolean }).same(a[key], b[key]);
}

/** Which keys changed from `prev` to `next` (every key of the schema; all of them from nothing). */
export function changedKeys(prev: UrlState | undefined, next: UrlState): Set<StateKey> {
  if (!prev) return new Set(STATE_KEYS);
  return new Set(STATE_KEYS.filter((k) => !same(k, prev, next)));
}

/**
 * `next` with every unchanged value taken from `prev` (same object), so that selectors memoised
 * on their inputs' identity recompute only what a change touches.
 */
export function keepUnchanged(prev: UrlState, next: UrlState, changed: Changed): UrlState {
  const out = { ...next };
  for (const k of STATE_KEYS) if (!changed.has(k)) (out as Record<string, unknown>)[k] = prev[k];
  return out;
}
