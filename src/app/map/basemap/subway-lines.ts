import type { Map as MlMap } from 'maplibre-gl';
import type { SubwayLineCollectionT } from '../../../core/geo/basemap';
import { addLayerBelowContent } from './layers';
import type { BasemapPalette } from './palette';

/**
 * Subway lines, schematic: the source has straight hops between stations, not track geometry, so
 * they are drawn thin, dashed and translucent, reading as a diagram rather than as tracks.
 */
export function addSubwayLines(map: MlMap, data: SubwayLineCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-subway-lines', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  addLayerBelowContent(map, {
    id: 'basemap-subway-lines',
    type: 'line',
    source: 'basemap-subway-lines',
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': ['get', 'colour'],
      'line-opacity': p.subwayLineOpacity,
      'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 16, 2.5],
      'line-dasharray': [3, 2],
    },
  });
}
