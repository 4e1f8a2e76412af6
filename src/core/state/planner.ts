/**
 * The planner's options, kept in the state and the URL so that a shared link restores exactly
 * the analysis it shows: the density kind and weight, the choropleth's subject and value, and
 * each analytical layer's opacity (0 = off), as kepler.gl's layer list has them.
 */
export const DENSITY_KINDS = ['hex', 'heat'] as const;
export const WEIGHTS = ['mentions', 'projects'] as const;
export const CHORO_OF = ['places', 'projects'] as const;
export const CHORO_METRICS = ['count', 'perKm2'] as const;
export const PLANNER_LAYERS = ['choropleth', 'density', 'flows'] as const;
export type PlannerLayer = (typeof PLANNER_LAYERS)[number];

export interface PlannerOptions {
  density: (typeof DENSITY_KINDS)[number];
  weight: (typeof WEIGHTS)[number];
  of: (typeof CHORO_OF)[number];
  metric: (typeof CHORO_METRICS)[number];
  /** Opacity of each layer, 0–1; 0 hides it. */
  opacity: Readonly<Record<PlannerLayer, number>>;
}

export const DEFAULT_PLANNER: PlannerOptions = {
  density: 'hex',
  weight: 'mentions',
  of: 'places',
  metric: 'count',
  opacity: { choropleth: 0.6, density: 0.55, flows: 1 },
};

const KEYS = { density: 'pd', weight: 'pw', of: 'po', metric: 'pm' } as const;

/** Reads the planner's parameters; anything malformed is reported through `drop` and left at its default. */
export function parsePlanner(
  params: URLSearchParams,
  drop: (param: string, value: string, reason: string) => void,
): PlannerOptions | undefined {
  const out: { -readonly [K in keyof PlannerOptions]: PlannerOptions[K] } = { ...DEFAULT_PLANNER, opacity: { ...DEFAULT_PLANNER.opacity } };
  let any = false;
  const pick = <K extends keyof typeof KEYS>(k: K, allowed: readonly PlannerOptions[K][]) => {
    const v = params.get(KEYS[k]);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) {
      (out as Record<string, unknown>)[k] = v;
      any = true;
    } else drop(KEYS[k], v, `expected one of ${allowed.join(', ')}`);
  };
  pick('density', DENSITY_KINDS);
  pick('weight', WEIGHTS);
  pick('of', CHORO_OF);
  pick('metric', CHORO_METRICS);
  const layers = params.get('pl');
  if (layers !== null) {
    const opacity = { ...out.opacity };
    for (const part of layers.split(',')) {
      const [name, pct] = part.split(':');
      const n = pct !== undefined && /^\d{1,3}$/.test(pct) ? Number(pct) : Number.NaN;
      if ((PLANNER_LAYERS as readonly string[]).includes(name ?? '') && n >= 0 && n <= 100) opacity[name as PlannerLayer] = n / 100;
      else drop('pl', part, 'expected layer:percent (choropleth, density, flows; 0–100)');
    }
    out.opacity = opacity;
    any = true;
  }
  return any ? out : undefined;
}

/** The planner's parameters for a link; defaults are left out. */
export function serializePlanner(p: PlannerOptions | undefined): Array<[string, string]> {
  if (!p) return [];
  const q: Array<[string, string]> = [];
  for (const k of Object.keys(KEYS) as Array<keyof typeof KEYS>) if (p[k] !== DEFAULT_PLANNER[k]) q.push([KEYS[k], p[k]]);
  const layers = PLANNER_LAYERS.filter((l) => p.opacity[l] !== DEFAULT_PLANNER.opacity[l]).map(
    (l) => `${l}:${Math.round(p.opacity[l] * 100)}`,
  );
  if (layers.length) q.push(['pl', layers.join(',')]);
  return q;
}

export function plannerOf(s: { planner?: PlannerOptions | undefined }): PlannerOptions {
  return s.planner ?? DEFAULT_PLANNER;
}
