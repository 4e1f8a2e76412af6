import type { Map as MlMap } from 'maplibre-gl';
import type { Changed } from '../core/state/changes';
import type { Selectors } from '../core/state/selectors';
import type { UrlState } from '../core/state/url';
import type { MainScreen } from './app';
import type { AtlasData } from './data';
import { Camera, coveredPadding } from './map/camera';
import type { CreatedMap } from './map/create-map';
import { DeckOverlay } from './map/deck';
import { candidatesAt, hitAt } from './map/hit-test';
import { HoverOnMap } from './map/hover';
import { attachMapInput, type MapGesture } from './map/interaction';
import { drawArcs } from './map/layers/arcs';
import { PLACE_SOURCES } from './map/layers/places';
import { providePlaces } from './map/overlays';
import { themeOf } from './map/theme';
import { Chooser } from './panels/chooser';
import { $ } from './shell';
import type { Store } from './store';
import { expose, TEST_HOOKS } from './test-hooks';

export interface MapScreen {
  map: MlMap;
  camera: Camera;
  deck: DeckOverlay;
  covered(): ReturnType<typeof coveredPadding>;
  /** Who gets a gesture before the main screen (the mode host). */
  setGestureTaker(fn: (g: MapGesture) => boolean): void;
}

/** Arcs to places outside start at the 金融街 街道's label point, the district's centre of gravity in the report. */
export function arcOrigin(data: AtlasData): [number, number] {
  const l = data.subdistricts.features.find((f) => f.properties.short === '金融街')?.properties.label;
  return l ? [l[0], l[1]] : [116.36, 39.915];
}

/**
 * The map part of the main screen: the report's layers as functions of the state (re-applied on
 * every change, touching only what differs), hover, the one hit test for every pointer gesture,
 * the chooser for places at one spot, and the arcs to places outside.
 */
export function attachMapScreen(created: CreatedMap, data: AtlasData, store: Store, selectors: Selectors, screen: MainScreen): MapScreen {
  const { map, composer } = created;
  providePlaces(composer, selectors, data.index.places);
  const covered = () => coveredPadding(map.getContainer(), [$('card'), $('side'), document.getElementById('kiosk-qr')]);
  const camera = new Camera(map, covered);
  const chooser = new Chooser(document.querySelector('.map-panel') as HTMLElement);
  screen.attachMap(map, camera, chooser);
  const hover = new HoverOnMap(map, data.index.places);
  store.onHover((id) => {
    hover.set(id);
    screen.report.mark('is-hover', id);
  });
  let taker: (g: MapGesture) => boolean = () => false;
  const zoomToCluster = (at: [number, number], clusterId: number) => {
    void (map.getSource(PLACE_SOURCES.points) as import('maplibre-gl').GeoJSONSource)
      .getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center: at, zoom }));
  };
  const hitSource = { map, places: data.index.places, theme: () => themeOf(store.get()), selected: () => store.get().place };
  if (TEST_HOOKS)
    expose('atlasHit', (x: number, y: number, pointer: 'mouse' | 'touch') => ({
      hit: hitAt(hitSource, { x, y }, pointer),
      candidates: candidatesAt(hitSource, { x, y }, 20),
    }));
  attachMapInput(hitSource, {
    onGesture: (g) => {
      chooser.close();
      if (!taker(g)) screen.actions.onMapGesture(g, zoomToCluster);
    },
    onHover: (id) => store.hover(id),
  });
  const deck = new DeckOverlay(map);
  const origin = arcOrigin(data);
  const arcs = (s: UrlState, prev: UrlState | undefined, changed: Changed) => {
    if (!changed.has('outside') && !changed.has('filters') && !changed.has('mode')) return;
    const on = s.outside && s.mode !== 'planner';
    void drawArcs(deck, origin, on ? selectors.visible(s) : [], (id) => screen.actions.select(id)).then((n) => {
      if (TEST_HOOKS) expose('atlasArcs', n);
    });
    // Turning the outside places on is a request to see them: frame them with the district.
    if (prev && s.outside && !prev.outside && !s.place)
      camera.show(data.places.features.filter((f) => f.geometry && (!f.properties.inXicheng || f.properties.category === 'subdistrict')));
  };
  store.subscribe((s, prev, changed) => {
    composer.apply({ theme: themeOf(s), state: s });
    arcs(s, prev, changed);
  });
  composer.apply({ theme: themeOf(store.get()), state: store.get() });
  if (store.get().outside) arcs(store.get(), undefined, new Set(['outside']));
  return {
    map,
    camera,
    deck,
    covered,
    setGestureTaker(fn) {
      taker = fn;
    },
  };
}
