/** The geometry targets of issue 14 as figures (scripts/audit-geometry.ts prints them). Pure. */
import type { PlaceFeatureT } from './model';

/** Categories whose things have an extent: drawing one as a point hides its shape. */
export const EXTENT_CATEGORIES: ReadonlySet<string> = new Set(['park', 'greenway', 'water', 'area', 'road']);
/** The named features the default basemap must show. */
export const REQUIRED_GROUND = ['前海', '后海', '西海', '北海', '中南海'];
export const MIN_STREETS = 40;
export const MAX_OVER_500 = 4;

export interface AuditFigure {
  label: string;
  value: string | number;
  target: string;
  met: boolean;
  details: string[];
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
      label: 'in-district places of an extended category drawn as a point',
      value: dots.length,
      target: '0',
      met: dots.length === 0,
      details: dots.map((f) => `${f.id} (${f.properties.name}, ${f.properties.category})`),
    },
    {
      label: 'in-district places with uncertainty over 500 m',
      value: over.length,
      target: `≤ ${MAX_OVER_500}, each saying why`,
      met: over.length <= MAX_OVER_500 && overUnexplained.length === 0,
      details: over.map(
        (f) =>
          `${f.id} ${f.properties.uncertainty_m} m: ${(f.properties.derivation?.uncertainty_why ?? f.properties.source.note ?? '(no reason given)').slice(0, 140)}`,
      ),
    },
    {
      label: 'named features on the default basemap',
      value: `${REQUIRED_GROUND.length - missingGround.length}/${REQUIRED_GROUND.length}`,
      target: REQUIRED_GROUND.join(', '),
      met: missingGround.length === 0,
      details: missingGround.map((n) => `missing: ${n}`),
    },
    {
      label: 'named streets labelled',
      value: names.length,
      target: `≥ ${MIN_STREETS}`,
      met: names.length >= MIN_STREETS,
      details: [names.join('、')],
    },
    { label: 'source refs a stranger cannot follow', value: bad.length, target: '0', met: bad.length === 0, details: bad },
    {
      label: 'embedded basemap, gzip',
      value: `${(i.basemapGzip / 1024).toFixed(0)} KB`,
      target: `≤ ${(i.basemapBudget / 1024 / 1024).toFixed(0)} MB`,
      met: i.basemapGzip <= i.basemapBudget,
      details: [],
    },
  ];
}
