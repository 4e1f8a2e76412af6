import { CATEGORIES, type Category, PRECISIONS, type Precision } from '../gazetteer/vocab';
import type { PlacePropsT } from '../places/model';
import { PHASES, type Phase, THEMES, type Theme } from '../report/vocab';

export interface Filters {
  theme: ReadonlySet<Theme>;
  phase: ReadonlySet<Phase>;
  category: ReadonlySet<Category>;
  subdistrict: ReadonlySet<string>;
  precision: ReadonlySet<Precision>;
}
export type FacetKey = keyof Filters;
export const FACETS: readonly FacetKey[] = ['theme', 'phase', 'category', 'subdistrict', 'precision'];
export const FACET_VALUES = { theme: THEMES, phase: PHASES, category: CATEGORIES, precision: PRECISIONS } as const;

export const EMPTY_FILTERS: Filters = {
  theme: new Set(),
  phase: new Set(),
  category: new Set(),
  subdistrict: new Set(),
  precision: new Set(),
};

export interface Filterable {
  id: string;
  properties: Pick<PlacePropsT, 'themes' | 'phases' | 'category' | 'subdistrict' | 'precision'>;
}

/** Values a place has for a facet (a place can sit in several themes and phases). */
export function valuesOf(p: Filterable, facet: FacetKey): readonly string[] {
  const pr = p.properties;
  switch (facet) {
    case 'theme':
      return pr.themes;
    case 'phase':
      return pr.phases;
    case 'category':
      return [pr.category];
    case 'subdistrict':
      return pr.subdistrict ? [pr.subdistrict] : [];
    case 'precision':
      return [pr.precision];
  }
}

function passes(p: Filterable, f: Filters, skip?: FacetKey): boolean {
  for (const facet of FACETS) {
    if (facet === skip) continue;
    const selected = f[facet] as ReadonlySet<string>;
    if (selected.size === 0) continue;
    // OR within a group: any of the place's values selected.
    if (!valuesOf(p, facet).some((v) => selected.has(v))) return false;
  }
  return true;
}

/** AND across groups, OR within a group; an empty group does not filter. */
export function applyFilters<T extends Filterable>(places: readonly T[], f: Filters): T[] {
  return places.filter((p) => passes(p, f));
}

/**
 * Live counts: for each value of each facet, how many places would match if that value were
 * chosen, given the other groups' choices (the usual faceted-search count, so a count never
 * promises results that another group then removes).
 */
export function facetCounts(places: readonly Filterable[], f: Filters): Record<FacetKey, Map<string, number>> {
  const out = {} as Record<FacetKey, Map<string, number>>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const p of places) {
      if (!passes(p, f, facet)) continue;
      for (const v of new Set(valuesOf(p, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[facet] = counts;
  }
  return out;
}

export function isEmpty(f: Filters): boolean {
  return FACETS.every((k) => f[k].size === 0);
}
