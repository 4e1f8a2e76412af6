import { representativePoint } from '../geo/represent';
import type { LngLatTuple } from '../geo/sphere';
import type { PlaceFeatureT, ProjectT } from '../places/model';
import type { Fact, Report } from '../report/model';
import { type ClarkEvans, type Coverage, clarkEvans, coverageShare, type SimpleGeometry } from './spatial';

/**
 * The report's spatial claims set against what this project's own data can say. Every result
 * carries its method and its limits; where the data cannot support a figure, `supported` is false
 * and no number is given.
 */

export interface ReportFact {
  paragraphId: string;
  sentence: string;
  fact: Fact;
}

/** The first fact in the report matching a predicate, with its sentence. */
export function findFact(report: Pick<Report, 'paragraphs'>, pred: (f: Fact) => boolean): ReportFact | undefined {
  for (const p of report.paragraphs)
    for (const s of p.sentences)
      for (const f of s.facts) if (pred(f)) return { paragraphId: p.id, sentence: p.text.slice(s.start, s.end), fact: f };
  return undefined;
}

type AreaGeom = Extract<SimpleGeometry, { type: 'Polygon' | 'MultiPolygon' }>;

export interface ParkClaim {
  report?: ReportFact | undefined;
  coverage: Coverage;
  /** The green places used (ids). */
  targets: string[];
}

/** Categories that count as "park or green space" in our data. */
export const GREEN_CATEGORIES = new Set(['park', 'greenway']);

/** Share of the district within 500 m of a park or greenway named in the report (our data). */
export function parkCoverage(
  report: Pick<Report, 'paragraphs'>,
  district: AreaGeom,
  places: readonly PlaceFeatureT[],
  spacing = 50,
): ParkClaim {
  const green = places.filter((p) => p.geometry && GREEN_CATEGORIES.has(p.properties.category) && p.properties.inXicheng);
  return {
    report: findFact(report, (f) => f.unit === '%' && f.measure.includes('服务半径')),
    coverage: coverageShare(
      district,
      green.map((p) => p.geometry as SimpleGeometry),
      500,
      spacing,
    ),
    targets: green.map((p) => p.id),
  };
}

/** Categories whose geometry is an administrative unit, not a site: left out of point statistics. */
export const UNIT_CATEGORIES = new Set(['subdistrict', 'district']);

/** Distinct in-district sites that carry at least one project (one point each). */
export function projectSites(projects: readonly ProjectT[], places: ReadonlyMap<string, PlaceFeatureT>): { id: string; at: LngLatTuple }[] {
  const ids = [...new Set(projects.map((p) => p.placeId))];
  const out: { id: string; at: LngLatTuple }[] = [];
  for (const id of ids) {
    const p = places.get(id);
    if (!p?.geometry || !p.properties.inXicheng || UNIT_CATEGORIES.has(p.properties.category)) continue;
    const at = representativePoint(p.geometry);
    if (at) out.push({ id, at });
  }
  return out;
}

export interface NniClaim {
  result?: ClarkEvans | undefined;
  sites: string[];
}

export function projectNni(projects: readonly ProjectT[], places: ReadonlyMap<string, PlaceFeatureT>, districtAreaKm2: number): NniClaim {
  const sites = projectSites(projects, places);
  return {
    result: clarkEvans(
      sites.map((s) => s.at),
      districtAreaKm2,
    ),
    sites: sites.map((s) => s.id),
  };
}

export interface CountClaim {
  report?: ReportFact | undefined;
  /** How many such places our data maps. */
  mapped: number;
}

/** The report's count of markets relocated or upgraded against the markets our data names. */
export function marketClaim(report: Pick<Report, 'paragraphs'>, places: readonly PlaceFeatureT[]): CountClaim {
  return {
    report: findFact(report, (f) => f.unit === '个' && f.measure.includes('市场')),
    mapped: places.filter((p) => p.properties.category === 'wholesale-market' && p.geometry).length,
  };
}
