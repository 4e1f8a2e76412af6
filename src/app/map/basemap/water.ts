import type { WaterCollectionT } from '../../../core/geo/basemap';
import type { LayerGroup } from '../compose';
import { fillPaint, perFeature } from '../paint';
import type { BasemapPalette } from './palette';

/**
 * Water areas and open waterways. Covered (culverted) historic channels are drawn as a faint
 * dashed trace from zoom 14 only: they are history under the streets, not water a visitor can see.
 */
export function water(data: WaterCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-water';
  return {
    sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      { id: 'basemap-water-area', type: 'fill', source, filter: ['==', ['get', 'kind'], 'area'], paint: fillPaint(p.water) },
      {
        id: 'basemap-water-line',
        type: 'line',
        source,
        filter: ['all', ['==', ['get', 'kind'], 'line'], ['==', ['get', 'covered'], false]],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': perFeature(p.waterLine), 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 16, 3] },
      },
      {
        id: 'basemap-water-covered',
        type: 'line',
        source,
        filter: ['all', ['==', ['get', 'kind'], 'line'], ['==', ['get', 'covered'], true]],
        minzoom: 14,
        paint: { 'line-color': perFeature(p.coveredChannel), 'line-width': 1, 'line-dasharray': [1, 3], 'line-opacity': 0.7 },
      },
    ],
  };
}
