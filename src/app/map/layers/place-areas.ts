import type { Map as MlMap } from 'maplibre-gl';
import { colourByCategory, onHover } from './place-style';

/** Places that are areas (lakes, 街道 named in the text, districts outside) drawn as their outlines. */
export function addPlaceAreas(map: MlMap): void {
  map.addSource('place-areas', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  map.addLayer({
    id: 'place-areas-fill',
    type: 'fill',
    source: 'place-areas',
    paint: {
      'fill-color': colourByCategory(),
      'fill-opacity': onHover(0.28, 0.12),
      // The outline layer below draws the edge; an antialiased fill edge would be one more WebGL program.
      'fill-antialias': false,
    },
  });
  map.addLayer({
    id: 'place-areas-line',
    type: 'line',
    source: 'place-areas',
    paint: { 'line-color': colourByCategory(), 'line-width': 1.5, 'line-opacity': 0.8 },
  });
}
