import type { Map as MlMap } from 'maplibre-gl';
import type { Mention } from '../../core/geoparse/matcher';
import type { Changed } from '../../core/state/changes';
import type { Selectors } from '../../core/state/selectors';
import type { Mode, UrlState } from '../../core/state/url';
import type { CardSections } from '../app';
import type { AtlasData } from '../data';
import type { Camera, Padding } from '../map/camera';
import type { MapComposer } from '../map/compose';
import type { DeckOverlay } from '../map/deck';
import type { MapGesture } from '../map/interaction';
import type { ReportPanel } from '../panels/report-panel';
import type { Ui } from '../shell';
import type { Store } from '../store';

/**
 * What a mode (resident, planner, kiosk) gets to work with. Modes live in their own folders and
 * reach the rest of the app only through this, so the main screen does not grow with each mode.
 */
export interface AppContext {
  data: AtlasData;
  store: Store;
  selectors: Selectors;
  map: MlMap;
  /** Modes add their map layers as a group of the one style (see map/compose.ts). */
  composer: MapComposer;
  camera: Camera;
  /** The map's one deck.gl overlay (analytical layers), loaded on first use. */
  deck: DeckOverlay;
  /** The part of the map hidden by floating panels. */
  covered(): Padding;
  /** Selects a place (and flies to it unless fly is false); undefined clears the selection. */
  select(id: string | undefined, opts?: { fly?: boolean; mention?: Mention }): void;
  notice(message: string): void;
  /** Says something to screen readers (aria-live). */
  announce(message: string): void;
  ui: Ui;
  /** The report panel: a mode may show another report in it (an opened one) and back. */
  report: ReportPanel;
  /** Sections a mode adds to the place card. */
  card: CardSections;
}

/** A mode's view while the mode is on. */
export interface ModeView {
  /** After every state change while the mode is on (first with `prev` undefined, on entering). */
  update(s: UrlState, prev: UrlState | undefined, changed: Changed): void;
  leave(): void;
  /** A tap or click on the map; true when the mode took it (else the main screen's meaning applies). */
  onMapGesture?(g: MapGesture): boolean;
}

/** A mode as the host sees it: its entry points, mounted at start, and its view, loaded on first entry. */
export interface ModeDef {
  mode: Mode;
  /** Entry points that show whatever the mode (a tab, a button); called once, after the first map paint. */
  mountEntry?(ctx: AppContext): { update(s: UrlState, changed: Changed): void } | undefined;
  /** The view's code, loaded the first time the mode is entered. */
  loadView(): Promise<(ctx: AppContext) => ModeView>;
}
