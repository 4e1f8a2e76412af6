import bbox from '@turf/bbox';
import { AttributionControl, type LngLatBoundsLike, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import mapCssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { DistrictCollectionT } from '../../core/geo/boundaries';
import type { UrlState, View } from '../../core/state/url';
import type { Boundaries } from '../data';
import { prefetchBasemap, provideBasemap } from './basemap/index';
import { MapComposer } from './compose';
import { ROOM_IMAGE, ROOM_IMAGE_PX } from './layers/selection';
import { provideBackground, provideBoundaries } from './overlays';
import { baseStyle, LOCAL_CJK_FONTS } from './style';
import { themeOf } from './theme';

// MapLibre finds its worker next to its own module; once bundled, that guess is wrong, so the
// worker is emitted as an asset of our own origin and named explicitly.
setWorkerUrl(new URL(workerUrl, location.href).href);

export function districtBounds(data: { district: DistrictCollectionT }): LngLatBoundsLike {
  const [w, s, e, n] = bbox(data.district as GeoJSON.FeatureCollection);
  return [
    [w, s],
    [e, n],
  ];
}

/** A new map, its style loaded, and the promise of its basemap and district outline being drawn. */
export interface CreatedMap {
  map: MlMap;
  /** Owns the map's layers: every module contributes its group to it. */
  composer: MapComposer;
  /** Resolves once the basemap and the district with its 街道 are on the map (they load in parallel). */
  layersReady: Promise<void>;
}

/**
 * Creates the map at once and resolves as soon as its style is loaded, so the report's places can
 * be added the moment they are in. The basemap and the district outline are added under them as
 * their own files arrive (layersReady). The view is framed on the district as soon as its outline
 * is in, unless the URL gave a view.
 */
export async function createMap(
  container: HTMLElement,
  boundaries: Promise<Boundaries>,
  state: UrlState,
  attribution: string,
): Promise<CreatedMap> {
  const view: View | undefined = state.view;
  const theme = themeOf(state);
  prefetchBasemap();
  // MapLibre's stylesheet (controls, popups) is linked from here rather than imported: an imported
  // stylesheet goes into the page's head and blocks its first paint, the report's text included.
  if (!document.querySelector('link[data-maplibre-css]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = mapCssUrl;
    link.dataset.maplibreCss = '';
    document.head.append(link);
  }
  const origin = new URL('./', location.href).href;
  performance.mark('atlas-map-create');
  const map = new MlMap({
    container,
    style: baseStyle(origin),
    ...(view ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom } : {}),
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    attributionControl: false,
    maxZoom: 19,
    minZoom: 6,
    // Labels appear at once instead of fading in over 300 ms: without a GPU (kiosk PCs, software
    // rendering) every frame of a fade redraws the whole map, and the first view waits for them.
    fadeDuration: 0,
  });
  // The selection's room-holding icon is a transparent square, made here rather than shipped in a sprite.
  map.setMissingStyleImageResolver((id) => {
    if (id === ROOM_IMAGE && !map.hasImage(ROOM_IMAGE))
      map.addImage(ROOM_IMAGE, { width: ROOM_IMAGE_PX, height: ROOM_IMAGE_PX, data: new Uint8Array(ROOM_IMAGE_PX * ROOM_IMAGE_PX * 4) });
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: true, customAttribution: attribution }), 'bottom-right');
  if (!view)
    void boundaries
      .then((b) => map.fitBounds(districtBounds(b), { padding: 24, animate: false }))
      .catch(() => undefined /* reported by whoever awaits the data */);
  // 'style.load' rather than 'load': layers can be added once the style is parsed, a frame earlier.
  if (!map.isStyleLoaded()) await map.once('style.load');
  performance.mark('atlas-style-loaded');
  const composer = new MapComposer(map, { theme, state });
  provideBackground(composer);
  const outline = boundaries.then((b) => provideBoundaries(composer, b));
  const layersReady = Promise.all([provideBasemap(map, composer), outline]).then(() => undefined);
  return { map, composer, layersReady };
}
