import type { Map as MlMap } from 'maplibre-gl';
import type { GroundCollectionT } from '../../../core/geo/ground';
import { fillPaint, perFeature } from '../paint';
import { addLayerBelowContent } from './layers';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

/**
 * Derived lakes, parks and compounds (geodata/ground): outlines traced by the road network or laid
 * along a moat bank, never surveyed. Lakes are drawn as water, parks as green, the 中南海 compound
 * as a walled area; every one has a dashed edge, which the legend explains as "derived".
 */
export function addGround(map: MlMap, data: GroundCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-ground', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  const kinds: Array<[string, string, string]> = [
    ['lake', p.water, p.waterLine],
    ['park', p.park, p.parkLine],
    ['compound', p.compound, p.compoundLine],
  ];
  for (const [kind, fill] of kinds)
    addLayerBelowContent(map, {
      id: `basemap-ground-${kind}`,
      type: 'fill',
      source: 'basemap-ground',
      filter: ['==', ['get', 'kind'], kind],
      paint: fillPaint(fill),
    });
  for (const [kind, , line] of kinds)
    addLayerBelowContent(map, {
      id: `basemap-ground-${kind}-edge`,
      type: 'line',
      source: 'basemap-ground',
      filter: ['==', ['get', 'kind'], kind],
      minzoom: 13,
      paint: { 'line-color': perFeature(line), 'line-width': 1, 'line-dasharray': [3, 2] },
    });
}

/** Names of the derived areas, above the roads (added after them). */
export function addGroundLabels(map: MlMap, p: BasemapPalette): void {
  if (!map.getSource('basemap-ground')) return;
  addLayerBelowContent(map, {
    id: 'basemap-ground-label',
    type: 'symbol',
    source: 'basemap-ground',
    minzoom: 13,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': BASEMAP_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 17, 15],
      'text-letter-spacing': 0.2,
    },
    paint: {
      'text-color': ['match', ['get', 'kind'], 'lake', p.waterLabel, 'park', p.parkLabel, p.districtLabel],
      'text-halo-color': p.labelHalo,
      'text-halo-width': 1.2,
    },
  });
}
