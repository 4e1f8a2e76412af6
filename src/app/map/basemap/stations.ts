import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { RailStationCollectionT, StationCollectionT } from '../../../core/geo/basemap';
import { memoLast } from '../../../core/state/selectors';
import type { LayerGroup } from '../compose';
import { perFeature } from '../paint';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

const withLineLabels = memoLast(
  (data: StationCollectionT): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: data.features.map((f) => ({ ...f, properties: { ...f.properties, line_label: f.properties.lines.join(' · ') } })),
  }),
);

/** Subway stations: a small ring, the name from zoom 13, the line numbers beneath it from zoom 15. */
export function stations(data: StationCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-stations';
  // Interchanges are drawn larger, in a layer of their own. Colours and radii are written per
  // feature (see perFeature) so every circle layer shares the places' one WebGL program.
  const interchange: ExpressionSpecification = ['>', ['length', ['get', 'lines']], 1];
  const kinds: Array<[string, ExpressionSpecification, number, number]> = [
    ['basemap-stations', ['!', interchange], 1.8, 4],
    ['basemap-stations-interchange', interchange, 2.5, 5.5],
  ];
  const layers: LayerSpecification[] = kinds.map(([id, filter, r11, r16]) => ({
    id,
    type: 'circle',
    source,
    filter,
    paint: {
      'circle-color': perFeature(p.stationFill),
      'circle-stroke-color': perFeature(p.stationStroke),
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 1.5],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, perFeature(r11), 16, perFeature(r16)],
    },
  }));
  layers.push({
    id: 'basemap-stations-label',
    type: 'symbol',
    source,
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
  return { sources: { [source]: { type: 'geojson', data: withLineLabels(data) } }, layers };
}

/** Main-line railway stations (北京西, 北京北, 北京南, 广安门): a larger filled marker, named from zoom 12. */
export function railStations(data: RailStationCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-rail-stations';
  return {
    sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      {
        id: 'basemap-rail-stations',
        type: 'circle',
        source,
        paint: {
          'circle-color': perFeature(p.railFill),
          'circle-stroke-color': perFeature(p.railStroke),
          'circle-stroke-width': 2,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, perFeature(3), 16, perFeature(6)],
        },
      },
      {
        id: 'basemap-rail-stations-label',
        type: 'symbol',
        source,
        minzoom: 12,
        layout: {
          'text-field': ['concat', ['get', 'name'], '站'],
          'text-font': BASEMAP_FONT,
          'text-size': 12,
          'text-anchor': 'top',
          'text-offset': [0, 0.7],
        },
        paint: { 'text-color': p.railStroke, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
