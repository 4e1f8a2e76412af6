import bbox from '@turf/bbox';
import { AttributionControl, type LngLatBoundsLike, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { DistrictCollectionT } from '../../core/geo/boundaries';
import type { View } from '../../core/state/url';
import type { Boundaries } from '../data';
import { addBasemap, type BasemapTheme, prefetchBasemap } from './basemap/index';
import { addDistrictLayer } from './layers/district';
import { addSubdistrictLayers } from './layers/subdistricts';
import { baseStyle, LOCAL_CJK_FONTS } from './style';

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

/**
 * Creates the map as soon as the district outline is in (or at once for a view from the URL), with
 * its basemap, the district and its 街道; resolves when those are on the map. It does not wait for
 * the report or the places: the style, the worker and the basemap load while they do.
 */
export async function createMap(
  container: HTMLElement,
  boundaries: Promise<Boundaries>,
  view: View | undefined,
  attribution: string,
  theme: BasemapTheme = 'light',
): Promise<MlMap> {
  prefetchBasemap();
  const origin = new URL('./', location.href).href;
  const framing = view
    ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom }
    : { bounds: districtBounds(await boundaries), fitBoundsOptions: { padding: 24 } };
  const map = new MlMap({
    container,
    style: baseStyle(origin),
    ...framing,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    attributionControl: false,
    maxZoom: 19,
    minZoom: 6,
    // Labels appear at once instead of fading in over 300 ms: without a GPU (kiosk PCs, software
    // rendering) every frame of a fade redraws the whole map, and the first view waits for them.
    fadeDuration: 0,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: true, customAttribution: attribution }), 'bottom-right');
  await map.once('load');
  await addBasemap(map, theme);
  const b = await boundaries;
  addDistrictLayer(map, b.district);
  addSubdistrictLayers(map, b.subdistricts);
  return map;
}
