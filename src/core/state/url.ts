import { DEFAULT_STATE, type Dropped, type KnownIds, type ParseContext, STATE_KEYS, URL_SCHEMA, type UrlState } from './url-schema';

export {
  DEFAULT_STATE,
  type Dropped,
  type KnownIds,
  LANGS,
  type Lang,
  MODES,
  type Mode,
  type Point,
  RADIUS_DEFAULT,
  RADIUS_MAX,
  RADIUS_MIN,
  type UrlState,
  type View,
} from './url-schema';

/** Every parameter a link may carry (from the schema); anything else is reported as ignored. */
export const KNOWN_PARAMS: readonly string[] = STATE_KEYS.flatMap((k) => URL_SCHEMA[k].params);

/**
 * Reads the view state from a query string. Anything unknown or malformed is dropped and listed,
 * so the page can say what it ignored instead of breaking or silently guessing.
 */
export function parseUrlState(search: string, known: KnownIds): { state: UrlState; dropped: Dropped[] } {
  const params = new URLSearchParams(search);
  const dropped: Dropped[] = [];
  const drop = (param: string, value: string, reason: string) => dropped.push({ param, value, reason });
  for (const [k, v] of params) if (!KNOWN_PARAMS.includes(k)) drop(k, v, 'unknown parameter');
  const ctx: ParseContext = { params, known, drop };
  const state: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const k of STATE_KEYS) {
    const v = URL_SCHEMA[k].parse(ctx);
    if (v !== undefined) state[k] = v;
  }
  return { state: state as unknown as UrlState, dropped };
}

/** The query string for a state; defaults are left out so links stay short. */
export function serializeUrlState(s: UrlState): string {
  const q = STATE_KEYS.flatMap((k) => (URL_SCHEMA[k] as { write(v: unknown): Array<[string, string]> }).write(s[k]));
  // Commas and slashes are legal in a query; keeping them readable makes links readable.
  return q.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/')}`).join('&');
}
