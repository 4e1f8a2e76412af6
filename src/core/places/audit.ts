/** The geometry targets of issue 14 as figures (scripts/audit-geometry.ts prints them). Pure. */
import type { PlaceFeatureT } from './model';

/** Categories whose things have an extent: drawing one as a point hides its shape. */
export const EXTENT_CATEGORIES: ReadonlySet<string> = new Set(['park', 'greenway', 'water', 'area', 'road']);
/** The named features the default basemap must show. */
export const REQUIRED_GROUND = ['前海', '后海', '西海', '北海', '中南海'];
export const MIN_STREETS = 40;
export const MAX_OVER_500 = 4;

export interface AuditFigure {
  /** Stable key, for the ratchet file. */
  key: string;
  label: string;
  value: string | number;
  /** The figure as a number and which way is better, for the ratchet. */
  n: number;
  better: 'lower' | 'higher';
  target: string;
  met: boolean;
  details: string[];
}

/** The level each figure has reached (geodata/audit-levels.json): CI fails on a step back. */
export type AuditLevels = Record<string, number>;

/**
 * Figures that fell behind the recorded level (a missed target that is still being worked on may
 * stay missed, but may not get worse), or a met target that is missed again.
 */
export function regressions(figures: AuditFigure[], levels: AuditLevels): string[] {
  const out: string[] = [];
  for (const f of figures) {
    const level = levels[f.key];
    if (level === undefined) {
      if (!f.met) out.push(`${f.label}: missed and no level recorded for "${f.key}"`);
      continue;
    }
    const worse = f.better === 'lower' ? f.n > level : f.n < level;
    if (worse) out.push(`${f.label}: ${f.n}, worse than the recorded ${level}`);
  }
  return out;
}

/** The levels the figures reach now (to record after an improvement). */
export function levelsOf(figures: AuditFigure[]): AuditLevels {
  return Object.fromEntries(figures.map((f) => [f.key, f.n]));
}

export interface AuditInput {
  places: PlaceFeatureT[];
  groundNames: string[];
  streetNames: string[];
  refs: Array<{ id: string; ref: string }>;
  unfollowable: (ref: string) => string | null;
  basemapGzip: number;
  basemapBudget: number;
}

/**
 * In-district places that no found source locates (precision "unlocated"): not drawn, so they are
 * in neither figure above; printed beside them so that leaving a place off the map is never silent.
 */
export function unlocatedPlaces(places: PlaceFeatureT[]): string[] {
  return places
    .filter((f) => f.properties.inXicheng && f.properties.precision === 'unlocated')
    .map(
      (f) => `${f.id} (${f.properties.name}, ${f.properties.category}): ${(f.properties.source.note ?? '(no reason given)').slice(0, 140)}`,
    );
}

export function extentAudit(i: AuditInput): AuditFigure[] {
  const inDistrict = i.places.filter((f) => f.properties.inXicheng && f.geometry);
  const dots = inDistrict.filter((f) => f.geometry?.type === 'Point' && EXTENT_CATEGORIES.has(f.properties.category));
  const over = inDistrict.filter((f) => (f.properties.uncertainty_m ?? 0) > 500);
  const overUnexplained = over.filter((f) => !f.properties.derivation?.uncertainty_why && !f.properties.source.note);
  const missingGround = REQUIRED_GROUND.filter((n) => !i.groundNames.includes(n));
  const bad = i.refs.flatMap((r) => {
    const why = i.unfollowable(r.ref);
    return why ? [`${r.id}: ${why}`] : [];
  });
  const names = [...new Set(i.streetNames)];
  return [
    {
      key: 'extent-points',
      label: 'in-district places of an extended category drawn as a point',
      value: dots.length,
      n: dots.length,
      better: 'lower',
      target: '0',
      met: dots.length === 0,
      details: dots.map((f) => `${f.id} (${f.properties.name}, ${f.properties.category})`),
    },
    {
      key: 'over-500m',
      label: 'in-district places with uncertainty over 500 m',
      value: over.length,
      n: over.length + overUnexplained.length * 1000,
      better: 'lower',
      target: `≤ ${MAX_OVER_500}, each saying why`,
      met: over.length <= MAX_OVER_500 && overUnexplained.length === 0,
      details: over.map(
        (f) =>
          `${f.id} ${f.properties.uncertainty_m} m: ${(f.properties.derivation?.uncertainty_why ?? f.properties.source.note ?? '(no reason given)').slice(0, 140)}`,
      ),
    },
    {
      key: 'ground-features',
      label: 'named features on the default basemap',
      value: `${REQUIRED_GROUND.length - missingGround.length}/${REQUIRED_GROUND.length}`,
      n: REQUIRED_GROUND.length - missingGround.length,
      better: 'higher',
      target: REQUIRED_GROUND.join(', '),
      met: missingGround.length === 0,
      details: missingGround.map((n) => `missing: ${n}`),
    },
    {
      key: 'named-streets',
      label: 'named streets labelled',
      value: names.length,
      n: names.length,
      better: 'higher',
      target: `≥ ${MIN_STREETS}`,
      met: names.length >= MIN_STREETS,
      details: [names.join('、')],
    },
    {
      key: 'unfollowable-refs',
      label: 'source refs a stranger cannot follow',
      value: bad.length,
      n: bad.length,
      better: 'lower',
      target: '0',
      met: bad.length === 0,
      details: bad,
    },
    {
      key: 'basemap-over-budget',
      label: 'embedded basemap, gzip',
      value: `${(i.basemapGzip / 1024).toFixed(0)} KB`,
      // 0 within budget, else the bytes over it: the size itself may grow within the budget.
      n: Math.max(0, i.basemapGzip - i.basemapBudget),
      better: 'lower',
      target: `≤ ${(i.basemapBudget / 1024 / 1024).toFixed(0)} MB`,
      met: i.basemapGzip <= i.basemapBudget,
      details: [],
    },
  ];
}
