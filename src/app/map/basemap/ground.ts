import type { LayerSpecification } from 'maplibre-gl';
import type { GroundCollectionT } from '../../../core/geo/ground';
import type { LayerGroup } from '../compose';
import { fillPaint, perFeature } from '../paint';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

const SOURCE = 'basemap-ground';
const source = (data: GroundCollectionT) => ({ [SOURCE]: { type: 'geojson' as const, data: data as GeoJSON.FeatureCollection } });

/**
 * Derived lakes, parks and compounds (geodata/ground): outlines traced by the road network or laid
 * along a moat bank, never surveyed. Lakes are drawn as water, parks as green, the 中南海 compound
 * as a walled area; every one has a dashed edge, which the legend explains as "derived".
 */
export function ground(data: GroundCollectionT, p: BasemapPalette): LayerGroup {
  const kinds: Array<[string, string, string]> = [
    ['lake', p.water, p.waterLine],
    ['park', p.park, p.parkLine],
    ['compound', p.compound, p.compoundLine],
  ];
  const layers: LayerSpecification[] = [
    ...kinds.map(
      ([kind, fill]): LayerSpecification => ({
        id: `basemap-ground-${kind}`,
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['get', 'kind'], kind],
        paint: fillPaint(fill),
      }),
    ),
    ...kinds.map(
      ([kind, , line]): LayerSpecification => ({
        id: `basemap-ground-${kind}-edge`,
        type: 'line',
        source: SOURCE,
        filter: ['==', ['get', 'kind'], kind],
        minzoom: 13,
        paint: { 'line-color': perFeature(line), 'line-width': 1, 'line-dasharray': [3, 2] },
      }),
    ),
  ];
  return { sources: source(data), layers };
}

/** Names of the derived areas, above the roads. */
export function groundLabels(data: GroundCollectionT, p: BasemapPalette): LayerGroup {
  return {
    sources: source(data),
    layers: [
      {
        id: 'basemap-ground-label',
        type: 'symbol',
        source: SOURCE,
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
      },
    ],
  };
}
