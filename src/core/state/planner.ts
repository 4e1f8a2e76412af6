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

/**
 * Each option's parameter in a link. Typed over every option: a new option without its parameter
 * does not compile, so neither the parser nor the serialiser can leave it out.
 */
export const PLANNER_PARAMS: { readonly [K in keyof PlannerOptions]: string } = {
  density: 'pd',
  weight: 'pw',
  of: 'po',
  metric: 'pm',
  opacity: 'pl',
};
type ChoiceKey = Exclude<keyof PlannerOptions, 'opacity'>;
/** The values each choice allows. */
const CHOICES: { readonly [K in ChoiceKey]: readonly PlannerOptions[K][] } = {
  density: DENSITY_KINDS,
  weight: WEIGHTS,
  of: CHORO_OF,
  metric: CHORO_METRICS,
};
const CHOICE_KEYS = Object.keys(CHOICES) as ChoiceKey[];

/** Reads the planner's parameters; anything malformed is reported through `drop` and left at its default. */
export function parsePlanner(
  params: URLSearchParams,
  drop: (param: string, value: string, reason: string) => void,
): PlannerOptions | undefined {
  const out: { -readonly [K in keyof PlannerOptions]: PlannerOptions[K] } = { ...DEFAULT_PLANNER, opacity: { ...DEFAULT_PLANNER.opacity } };
  let any = false;
  for (const k of CHOICE_KEYS) {
    const key = PLANNER_PARAMS[k];
    const v = params.get(key);
    if (v === null) continue;
    const allowed = CHOICES[k] as readonly string[];
    if (allowed.includes(v)) {
      (out as Record<string, unknown>)[k] = v;
      any = true;
    } else drop(key, v, `expected one of ${allowed.join(', ')}`);
  }
  const layers = params.get(PLANNER_PARAMS.opacity);
  if (layers !== null) {
    const opacity = { ...out.opacity };
    for (const part of layers.split(',')) {
      const [name, pct] = part.split(':');
      const n = pct !== undefined && /^\d{1,3}$/.test(pct) ? Number(pct) : Number.NaN;
      if ((PLANNER_LAYERS as readonly string[]).includes(name ?? '') && n >= 0 && n <= 100) opacity[name as PlannerLayer] = n / 100;
      else drop(PLANNER_PARAMS.opacity, part, 'expected layer:percent (choropleth, density, flows; 0–100)');
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
  for (const k of CHOICE_KEYS) if (p[k] !== DEFAULT_PLANNER[k]) q.push([PLANNER_PARAMS[k], p[k]]);
  const layers = PLANNER_LAYERS.filter((l) => p.opacity[l] !== DEFAULT_PLANNER.opacity[l]).map(
    (l) => `${l}:${Math.round(p.opacity[l] * 100)}`,
  );
  if (layers.length) q.push([PLANNER_PARAMS.opacity, layers.join(',')]);
  return q;
}

/** Two option sets that show the same analysis. */
export function samePlanner(a: PlannerOptions, b: PlannerOptions): boolean {
  return CHOICE_KEYS.every((k) => a[k] === b[k]) && PLANNER_LAYERS.every((l) => a.opacity[l] === b.opacity[l]);
}

export function plannerOf(s: { planner?: PlannerOptions | undefined }): PlannerOptions {
  return s.planner ?? DEFAULT_PLANNER;
}
