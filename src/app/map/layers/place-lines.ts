import type { Map as MlMap } from 'maplibre-gl';
import { colourByCategory } from './place-style';

/** Streets, greenways and transport lines, drawn as lines. Approximate ones are dashed. */
export function addPlaceLines(map: MlMap): void {
  map.addSource('place-lines', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  map.addLayer({
    id: 'place-lines-casing',
    type: 'line',
    source: 'place-lines',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 5, 16, 10], 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: 'place-lines',
    type: 'line',
    source: 'place-lines',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': colourByCategory(),
      'line-width': ['interpolate', ['linear'], ['zoom'], 11, ['case', ['boolean', ['feature-state', 'hover'], false], 5, 3], 16, 7],
      'line-dasharray': ['case', ['==', ['get', 'precision'], 'approximate'], ['literal', [2, 1]], ['literal', [1, 0]]],
    },
  });
}
