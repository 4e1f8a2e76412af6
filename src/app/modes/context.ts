import type { Map as MlMap } from 'maplibre-gl';
import type { Mention } from '../../core/geoparse/matcher';
import type { PlaceFeatureT } from '../../core/places/model';
import type { Mode, UrlState } from '../../core/state/url';
import type { AtlasData } from '../data';
import type { PlacesOnMap } from '../map/places-controller';
import type { Store } from '../store';

/**
 * What a mode (resident, planner, kiosk) gets to work with. Modes live in their own modules and
 * reach the rest of the app only through this, so the main screen does not grow with each mode.
 */
export interface AppContext {
  data: AtlasData;
  store: Store;
  map: MlMap;
  places: PlacesOnMap;
  /** Selects a place (and flies to it unless fly is false); undefined clears the selection. */
  select(id: string | undefined, opts?: { fly?: boolean; mention?: Mention }): void;
  /** Places in scope after the active filters (and the outside-Xicheng toggle). */
  visiblePlaces(): PlaceFeatureT[];
  /** Runs after every state change, after the main screen has rendered. */
  onRender(fn: (s: UrlState, prev: UrlState | undefined) => void): void;
  notice(message: string): void;
  /** Says something to screen readers (aria-live). */
  announce(message: string): void;
  ui: {
    /** Adds a tab to the side panel (or the phone's bottom sheet) and returns its panel element. */
    addTab(id: string, label: () => string, onShow?: () => void): HTMLElement;
    showTab(id: string): void;
    /** The element that floats over the map, for mode-specific overlays. */
    mapPanel: HTMLElement;
    topbar: HTMLElement;
  };
}

export interface ModeModule {
  mode: Mode;
  /** Called once at start, whatever the initial mode: a module shows its UI only while its mode is on. */
  mount(ctx: AppContext): void | Promise<void>;
}
