import type { SubdistrictValue } from '../../../core/analysis/aggregate';
import { marketClaim, parkCoverage, projectNni } from '../../../core/analysis/claims';
import type { AtlasData } from '../../data';
import { el } from '../../dom';
import { pt } from './strings';
import { fmt } from './text';

export interface ClaimNumbers {
  parkShare: number;
  parkSamples: number;
  parkTargets: number;
  nniR?: number | undefined;
  nniZ?: number | undefined;
  nniN: number;
}

const quote = (pid: string, text: string) => el('blockquote', { class: 'planner-quote' }, el('span', { class: 'pid' }, `[${pid}] `), text);

/**
 * The report's spatial claims recomputed on our data, each with its method and its limits. Runs
 * once (the data does not change); the district-wide sampling takes a fraction of a second.
 */
export function renderClaims(container: HTMLElement, data: AtlasData): ClaimNumbers {
  const district = data.district.features[0];
  container.replaceChildren();
  if (!district) {
    container.append(el('p', {}, pt('noDistrictOutlineNothingCan')));
    return { parkShare: 0, parkSamples: 0, parkTargets: 0, nniN: 0 };
  }
  const area = district.properties.area_km2;
  const places = data.places.features;
  // 1. Park service radius
  const park = parkCoverage(data.report, district.geometry as never, places, 50);
  const pc = park.coverage;
  const names = park.targets.map((id) => data.index.places.get(id)?.properties.name ?? id).join('、');
  container.append(
    el('h4', {}, pt('park500MServiceRadius')),
    park.report ? quote(park.report.paragraphId, park.report.sentence) : '',
    el(
      'p',
      { class: 'claim-figure' },
      pt('report'),
      el('strong', {}, park.report ? `${park.report.fact.value}%` : '—'),
      ' · ',
      pt('ourData'),
      el('strong', { id: 'claim-park' }, `${fmt(pc.share * 100, 1)}%`),
    ),
    el(
      'p',
      { class: 'claim-method' },
      pt('methodASamplePointEvery', { spacing: pc.spacing, samples: pc.samples, radius: pc.radius, targets: pc.targets, names }),
    ),
    el('p', { class: 'claim-limit' }, pt('limitsThisIsOnlyThe')),
  );
  // 2. Markets relocated
  const m = marketClaim(data.report, places);
  container.append(
    el('h4', {}, pt('marketsRelocatedOrUpgraded')),
    m.report ? quote(m.report.paragraphId, m.report.sentence) : '',
    el('p', { class: 'claim-limit' }, pt('reportValueOurMapHas', { value: m.report?.fact.value ?? '—', mapped: m.mapped })),
  );
  // 3. Nearest-neighbour index
  const nni = projectNni(data.projects, data.index.places, area);
  const r = nni.result;
  container.append(
    el('h4', {}, pt('spreadOfProjectsNearestNeighbour')),
    r
      ? el(
          'p',
          { class: 'claim-figure' },
          'Clark–Evans R = ',
          el('strong', { id: 'claim-nni' }, fmt(r.R, 2)),
          ` (z = ${fmt(r.z, 2)}, n = ${r.n})`,
        )
      : el('p', {}, pt('tooFewProjectSitesTo')),
    r
      ? el(
          'p',
          { class: 'claim-method' },
          pt('methodNDistinctInDistrict', { n: r.n, fmt: fmt(r.observedMean), fmt2: fmt(r.expectedMean), fmt3: fmt(r.areaKm2, 2) }),
        )
      : '',
    el('p', { class: 'claim-limit' }, pt('limitsMostSitesAreApproximate')),
  );
  return { parkShare: pc.share, parkSamples: pc.samples, parkTargets: pc.targets, nniR: r?.R, nniZ: r?.z, nniN: r?.n ?? 0 };
}

/** Places per 街道 under the current filter, densest first. */
export function renderDensityTable(container: HTMLElement, perSd: SubdistrictValue[]): void {
  const rows = [...perSd].sort((a, b) => b.perKm2 - a.perKm2);
  container.replaceChildren(
    el('h4', {}, pt('placesPerCurrentFilter')),
    el(
      'table',
      { class: 'planner-table', id: 'claim-density' },
      el(
        'thead',
        {},
        el('tr', {}, el('th', {}, pt('subdistrict')), el('th', {}, pt('places')), el('th', {}, 'km²'), el('th', {}, pt('perKm'))),
      ),
      el(
        'tbody',
        {},
        ...rows.map((x) =>
          el(
            'tr',
            {},
            el('td', {}, x.name),
            el('td', {}, String(x.count)),
            el('td', {}, fmt(x.areaKm2, 2)),
            el('td', {}, fmt(x.perKm2, 2)),
          ),
        ),
      ),
    ),
  );
}
