import type { PlaceFeatureT, ProjectT } from '../places/model';
import { applyFilters, type FacetKey, type Filterable, type Filters } from '../state/filters';

/**
 * Counts behind the planner's charts and choropleth. Places are filtered exactly as the map
 * filters them (applyFilters); a project is filtered by its own theme and phase (the sentence's)
 * and by its place's category, 街道 and precision.
 */

export interface ProjectRow extends Filterable {
  project: ProjectT;
  place: PlaceFeatureT;
}

export function projectRows(projects: readonly ProjectT[], places: ReadonlyMap<string, PlaceFeatureT>): ProjectRow[] {
  const out: ProjectRow[] = [];
  for (const project of projects) {
    const place = places.get(project.placeId);
    if (!place) continue;
    const p = place.properties;
    out.push({
      id: project.id,
      project,
      place,
      properties: {
        themes: [project.theme],
        phases: [project.phase],
        category: p.category,
        precision: p.precision,
        ...(p.subdistrict ? { subdistrict: p.subdistrict } : {}),
      },
    });
  }
  return out;
}

/** Filters with some facets cleared: a chart of a facet ignores its own selection (cross-filtering). */
export function without(f: Filters, ...facets: FacetKey[]): Filters {
  const out = { ...f };
  for (const k of facets) (out as Record<FacetKey, ReadonlySet<string>>)[k] = new Set();
  return out;
}

export function filterRows<T extends Filterable>(rows: readonly T[], f: Filters): T[] {
  return applyFilters(rows, f);
}

/** Count rows by one value per row (rows with no value are skipped). */
export function countBy<T>(rows: readonly T[], key: (r: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** A two-way table: rows × columns → count. */
export function crossTab<T>(rows: readonly T[], a: (r: T) => string, b: (r: T) => string): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const ka = a(r);
    const kb = b(r);
    const inner = m.get(ka) ?? new Map<string, number>();
    inner.set(kb, (inner.get(kb) ?? 0) + 1);
    m.set(ka, inner);
  }
  return m;
}

export interface SubdistrictValue {
  name: string;
  areaKm2: number;
  count: number;
  perKm2: number;
}

/**
 * Per-街道 counts of already-filtered items (places or project rows) by their `subdistrict`:
 * the same number the filter panel would show for that 街道. Items outside any 街道 are not counted.
 */
export function bySubdistrict(
  items: readonly { properties: { subdistrict?: string | undefined } }[],
  subdistricts: readonly { name: string; area_km2: number }[],
): SubdistrictValue[] {
  const counts = countBy(items, (i) => i.properties.subdistrict);
  return subdistricts.map((s) => {
    const count = counts.get(s.name) ?? 0;
    return { name: s.name, areaKm2: s.area_km2, count, perKm2: count / s.area_km2 };
  });
}

/** Toggles a value in a facet: a click on the only selected value clears the facet. */
export function toggleFacet(f: Filters, facet: FacetKey, value: string): Filters {
  const cur = f[facet] as ReadonlySet<string>;
  const next = cur.size === 1 && cur.has(value) ? new Set<string>() : new Set([value]);
  return { ...f, [facet]: next };
}
