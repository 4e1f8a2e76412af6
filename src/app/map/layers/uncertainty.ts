import type { Map as MlMap } from 'maplibre-gl';
import { colourByCategory, metresToPixels } from './place-style';

/**
 * A soft halo of each approximate point's uncertainty radius, true to scale at every zoom, so a
 * reader sees how far the real site may be from the pin.
 */
export function addUncertaintyHalos(map: MlMap, lat: number): void {
  map.addSource('place-halos', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'place-halos',
    type: 'circle',
    source: 'place-halos',
    minzoom: 12,
    paint: {
      'circle-radius': metresToPixels('uncertainty_m', lat),
      'circle-color': colourByCategory(),
      'circle-opacity': 0.1,
      'circle-stroke-color': colourByCategory(),
      'circle-stroke-width': 1,
      'circle-stroke-opacity': 0.35,
    },
  });
}
