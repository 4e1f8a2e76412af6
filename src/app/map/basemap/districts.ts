import type { Map as MlMap } from 'maplibre-gl';
import type { BasemapDistrictCollectionT } from '../../../core/geo/basemap';
import { fillPaint, perFeature } from '../paint';
import { addLayerBelowContent } from './layers';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

/**
 * The neighbouring districts as context: a slightly darker ground outside 西城, their edges and
 * names. 西城 itself is left to the district layer (the OSM outline, which is more exact than
 * these generalised DataV outlines).
 */
export function addDistricts(map: MlMap, data: BasemapDistrictCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-districts', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  const others = ['!=', ['get', 'adcode'], '110102'] as ['!=', ['get', string], string];
  addLayerBelowContent(map, {
    id: 'basemap-districts-fill',
    type: 'fill',
    source: 'basemap-districts',
    filter: others,
    paint: fillPaint(p.outsideFill),
  });
  addLayerBelowContent(map, {
    id: 'basemap-districts-line',
    type: 'line',
    source: 'basemap-districts',
    filter: others,
    paint: { 'line-color': perFeature(p.districtLine), 'line-width': 1, 'line-dasharray': [4, 2] },
  });
}

/** District names, added after the other basemap layers so no road or line is drawn over them. */
export function addDistrictLabels(map: MlMap, data: BasemapDistrictCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-district-labels', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: data.features
        .filter((f) => f.properties.adcode !== '110102')
        .map((f) => ({
          type: 'Feature',
          properties: { name: f.properties.name },
          geometry: { type: 'Point', coordinates: f.properties.label },
        })),
    },
  });
  addLayerBelowContent(map, {
    id: 'basemap-districts-label',
    type: 'symbol',
    source: 'basemap-district-labels',
    maxzoom: 15,
    layout: { 'text-field': ['get', 'name'], 'text-font': BASEMAP_FONT, 'text-size': 14, 'text-letter-spacing': 0.3 },
    paint: { 'text-color': p.districtLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
  });
}
