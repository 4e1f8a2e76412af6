import bbox from '@turf/bbox';
import { AttributionControl, type LngLatBoundsLike, Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { View } from '../../core/state/url';
import type { AtlasData } from '../data';
import { addBasemap, type BasemapTheme } from './basemap/index';
import { addDistrictLayer } from './layers/district';
import { addSubdistrictLayers } from './layers/subdistricts';
import { baseStyle, LOCAL_CJK_FONTS } from './style';

// MapLibre finds its worker next to its own module; once bundled, that guess is wrong, so the
// worker is emitted as an asset of our own origin and named explicitly.
setWorkerUrl(new URL(workerUrl, location.href).href);

export function districtBounds(data: AtlasData): LngLatBoundsLike {
  const [w, s, e, n] = bbox(data.district as GeoJSON.FeatureCollection);
  return [
    [w, s],
    [e, n],
  ];
}

export function createMap(
  container: HTMLElement,
  data: AtlasData,
  view: View | undefined,
  attribution: string,
  theme: BasemapTheme = 'light',
): Promise<MlMap> {
  const origin = new URL('./', location.href).href;
  const map = new MlMap({
    container,
    style: baseStyle(origin),
    ...(view
      ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom }
      : { bounds: districtBounds(data), fitBoundsOptions: { padding: 24 } }),
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    attributionControl: false,
    maxZoom: 19,
    minZoom: 6,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  map.addControl(new AttributionControl({ compact: true, customAttribution: attribution }), 'bottom-right');
  return new Promise((resolve, reject) => {
    map.on('load', () => {
      addBasemap(map, theme)
        .then(() => {
          addDistrictLayer(map, data.district);
          addSubdistrictLayers(map, data.subdistricts);
          resolve(map);
        })
        .catch(reject);
    });
  });
}
