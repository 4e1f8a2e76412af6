import type { Category, Precision } from '../gazetteer/model';
import type { PlaceFeatureT } from '../places/model';
import type { Paragraph, Phase, Theme } from '../report/model';
import { applyFilters, FACET_VALUES, type FacetKey, type Filters, facetCounts } from './filters';
import type { UrlState } from './url';

/**
 * Pure selectors from the state (and the loaded data) to what the views show. Each is memoised on
 * the identity of its inputs: the store keeps unchanged values as the same objects, so a pan or
 * a hover recomputes nothing here.
 */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

export interface SelectorData {
  places: readonly PlaceFeatureT[];
  subdistrictNames: readonly string[];
}

export function createSelectors(data: SelectorData) {
  // Both scopes kept (not only the last): the search asks for every place while the map and the
  // panels ask for Xicheng's, and each answer must stay the same array between their calls.
  const scopes = new Map<boolean, PlaceFeatureT[]>();
  const inScope = (outside: boolean): PlaceFeatureT[] => {
    let list = scopes.get(outside);
    if (!list) {
      list = data.places.filter((f) => outside || f.properties.inXicheng);
      scopes.set(outside, list);
    }
    return list;
  };
  const visible = memoLast((outside: boolean, filters: Filters) => applyFilters(inScope(outside), filters));
  const visibleIds = memoLast((list: readonly PlaceFeatureT[]) => new Set(list.map((f) => f.id)));
  const counts = memoLast((outside: boolean, filters: Filters) => facetCounts(inScope(outside), filters));
  return {
    /** Places in scope: in Xicheng, or everywhere once the outside places are on. */
    inScope: (s: Pick<UrlState, 'outside'>) => inScope(s.outside),
    /** Places in scope that pass the filters. */
    visible: (s: Pick<UrlState, 'outside' | 'filters'>) => visible(s.outside, s.filters),
    visibleIds: (s: Pick<UrlState, 'outside' | 'filters'>) => visibleIds(visible(s.outside, s.filters)),
    facetCounts: (s: Pick<UrlState, 'outside' | 'filters'>) => counts(s.outside, s.filters),
    /** The values each facet offers: only those some place has (no dead checkboxes). */
    facetValues: memoLast((): Record<FacetKey, string[]> => facetValuesOf(data)),
  };
}
export type Selectors = ReturnType<typeof createSelectors>;

export function facetValuesOf(data: SelectorData): Record<FacetKey, string[]> {
  const has = (pred: (f: PlaceFeatureT) => boolean) => data.places.some(pred);
  return {
    theme: FACET_VALUES.theme.filter((v: Theme) => has((f) => f.properties.themes.includes(v))),
    phase: FACET_VALUES.phase.filter((v: Phase) => has((f) => f.properties.phases.includes(v))),
    category: FACET_VALUES.category.filter((v: Category) => has((f) => f.properties.category === v)),
    subdistrict: [...data.subdistrictNames],
    precision: FACET_VALUES.precision.filter((v: Precision) => has((f) => f.properties.precision === v)),
  };
}

/** A paragraph passes the theme and phase filters (the facets a paragraph has). */
export function paragraphPasses(p: Pick<Paragraph, 'theme' | 'phase'>, f: Filters): boolean {
  return (f.theme.size === 0 || f.theme.has(p.theme)) && (f.phase.size === 0 || f.phase.has(p.phase));
}

/** What the map shows for a place: itself, or the parts of a compound name (三金海 → its three areas). */
export function placesToShow(p: PlaceFeatureT, byId: ReadonlyMap<string, PlaceFeatureT>): PlaceFeatureT[] {
  if (p.geometry) return [p];
  return (p.properties.parts ?? []).map((id) => byId.get(id)).filter((x): x is PlaceFeatureT => x?.geometry != null);
}
