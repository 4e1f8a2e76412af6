import type { BasemapDistrictCollectionT } from '../../../core/geo/basemap';
import { memoLast } from '../../../core/state/selectors';
import type { LayerGroup } from '../compose';
import { fillPaint, perFeature } from '../paint';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

const others = ['!=', ['get', 'adcode'], '110102'] as ['!=', ['get', string], string];

/**
 * The neighbouring districts as context: a slightly darker ground outside 西城, their edges and
 * names. 西城 itself is left to the district layer (the OSM outline, more exact than these
 * generalised DataV outlines).
 */
export function districts(data: BasemapDistrictCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-districts';
  return {
    sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      { id: 'basemap-districts-fill', type: 'fill', source, filter: others, paint: fillPaint(p.outsideFill) },
      {
        id: 'basemap-districts-line',
        type: 'line',
        source,
        filter: others,
        paint: { 'line-color': perFeature(p.districtLine), 'line-width': 1, 'line-dasharray': [4, 2] },
      },
    ],
  };
}

const labelPoints = memoLast(
  (data: BasemapDistrictCollectionT): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: data.features
      .filter((f) => f.properties.adcode !== '110102')
      .map((f) => ({
        type: 'Feature',
        properties: { name: f.properties.name },
        geometry: { type: 'Point', coordinates: f.properties.label },
      })),
  }),
);

/** District names, over the other basemap layers so no road or line is drawn over them. */
export function districtLabels(data: BasemapDistrictCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-district-labels';
  return {
    sources: { [source]: { type: 'geojson', data: labelPoints(data) } },
    layers: [
      {
        id: 'basemap-districts-label',
        type: 'symbol',
        source,
        maxzoom: 15,
        layout: { 'text-field': ['get', 'name'], 'text-font': BASEMAP_FONT, 'text-size': 14, 'text-letter-spacing': 0.3 },
        paint: { 'text-color': p.districtLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
