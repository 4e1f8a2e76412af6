import type { SubwayLineCollectionT } from '../../../core/geo/basemap';
import type { LayerGroup } from '../compose';
import type { BasemapPalette } from './palette';

/**
 * Subway lines, schematic: the source has straight hops between stations, not track geometry, so
 * they are drawn thin, dashed and translucent, reading as a diagram rather than as tracks.
 */
export function subwayLines(data: SubwayLineCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-subway-lines';
  return {
    sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      {
        id: 'basemap-subway-lines',
        type: 'line',
        source,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['get', 'colour'],
          'line-opacity': p.subwayLineOpacity,
          'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 16, 2.5],
          'line-dasharray': [3, 2],
        },
      },
    ],
  };
}
