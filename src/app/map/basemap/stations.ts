import type { ExpressionSpecification, Map as MlMap } from 'maplibre-gl';
import type { RailStationCollectionT, StationCollectionT } from '../../../core/geo/basemap';
import { addLayerBelowContent } from './layers';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

/** Subway stations: a small ring, the name from zoom 13, the line numbers beneath it from zoom 15. */
export function addStations(map: MlMap, data: StationCollectionT, p: BasemapPalette): void {
  const withLabels: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: data.features.map((f) => ({ ...f, properties: { ...f.properties, line_label: f.properties.lines.join(' · ') } })),
  };
  map.addSource('basemap-stations', { type: 'geojson', data: withLabels });
  // Interchanges are drawn larger. Two layers with a radius each rather than one with a
  // per-feature radius: both then share a WebGL program with the other plain circle layers.
  const interchange: ExpressionSpecification = ['>', ['length', ['get', 'lines']], 1];
  const kinds: Array<[string, ExpressionSpecification, number, number]> = [
    ['basemap-stations', ['!', interchange], 1.8, 4],
    ['basemap-stations-interchange', interchange, 2.5, 5.5],
  ];
  for (const [id, filter, r11, r16] of kinds)
    addLayerBelowContent(map, {
      id,
      type: 'circle',
      source: 'basemap-stations',
      filter,
      paint: {
        'circle-color': p.stationFill,
        'circle-stroke-color': p.stationStroke,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 1.5],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, r11, 16, r16],
      },
    });
  addLayerBelowContent(map, {
    id: 'basemap-stations-label',
    type: 'symbol',
    source: 'basemap-stations',
    minzoom: 13,
    layout: {
      'text-field': [
        'step',
        ['zoom'],
        ['get', 'name'],
        15,
        ['format', ['get', 'name'], {}, '\n', {}, ['get', 'line_label'], { 'font-scale': 0.8 }],
      ],
      'text-font': BASEMAP_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 17, 13],
      'text-anchor': 'top',
      'text-offset': [0, 0.6],
      'text-optional': true,
    },
    paint: { 'text-color': p.stationLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
  });
}

/** Main-line railway stations (北京西, 北京北, 北京南, 广安门): a larger filled marker, named from zoom 12. */
export function addRailStations(map: MlMap, data: RailStationCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-rail-stations', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  addLayerBelowContent(map, {
    id: 'basemap-rail-stations',
    type: 'circle',
    source: 'basemap-rail-stations',
    paint: {
      'circle-color': p.railFill,
      'circle-stroke-color': p.railStroke,
      'circle-stroke-width': 2,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 6],
    },
  });
  addLayerBelowContent(map, {
    id: 'basemap-rail-stations-label',
    type: 'symbol',
    source: 'basemap-rail-stations',
    minzoom: 12,
    layout: {
      'text-field': ['concat', ['get', 'name'], '站'],
      'text-font': BASEMAP_FONT,
      'text-size': 12,
      'text-anchor': 'top',
      'text-offset': [0, 0.7],
    },
    paint: { 'text-color': p.railStroke, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
  });
}
