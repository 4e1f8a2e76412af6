import type { DistrictCollectionT, SubdistrictCollectionT } from '../../core/geo/boundaries';
import type { PlaceFeatureT } from '../../core/places/model';
import { isEmpty } from '../../core/state/filters';
import { memoLast, placesToShow, type Selectors } from '../../core/state/selectors';
import type { UrlState } from '../../core/state/url';
import { BASEMAP_PALETTES } from './basemap/palette';
import type { MapComposer } from './compose';
import { districtGroup } from './layers/district';
import { placesGroup } from './layers/places';
import { hasUncertaintyRing, selectionGroup } from './layers/selection';
import { subdistrictsGroup } from './layers/subdistricts';

/** The background: the ground colour of the theme. */
export function provideBackground(composer: MapComposer): void {
  composer.provide('background', (ctx) => ({
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BASEMAP_PALETTES[ctx.theme].background } }],
  }));
}

/** The district outline and its 街道, as soon as their files are in. */
export function provideBoundaries(composer: MapComposer, b: { district: DistrictCollectionT; subdistricts: SubdistrictCollectionT }): void {
  composer.provide('district', (ctx) => districtGroup(ctx, b.district));
  composer.provide('subdistricts', (ctx) => subdistrictsGroup(ctx, b.subdistricts));
}

/**
 * The report's places and the selection, as functions of the state: what is in scope and passes
 * the filters, the language of the labels, the selected place (a compound shows its parts).
 */
export function providePlaces(
  composer: MapComposer,
  selectors: Selectors,
  byId: ReadonlyMap<string, PlaceFeatureT>,
  hovered: () => string | undefined,
): void {
  // One memo per list: a single-entry memo shared by two lists would recompute on every call.
  const drawable = () => memoLast((list: readonly PlaceFeatureT[]) => list.filter((f) => f.geometry !== null));
  const scopeDrawn = drawable();
  const visibleDrawn = drawable();
  const ids = memoLast((visible: readonly PlaceFeatureT[]) => visible.map((f) => f.id));
  const selected = memoLast((id: string | undefined) => {
    const p = id ? byId.get(id) : undefined;
    return p ? placesToShow(p, byId) : [];
  });
  composer.provide('places', (ctx) => {
    const s: UrlState = ctx.state;
    const visible = visibleDrawn(selectors.visible(s));
    return placesGroup(ctx, {
      scope: scopeDrawn(selectors.inScope(s)),
      visible,
      visibleIds: isEmpty(s.filters) ? null : ids(visible),
      selected: s.place,
    });
  });
  composer.provide('selection', (ctx) => {
    const h = hovered();
    const ring = h ? byId.get(h) : undefined;
    return selectionGroup(ctx, selected(ctx.state.place), hasUncertaintyRing(ring) ? ring : undefined);
  });
}
