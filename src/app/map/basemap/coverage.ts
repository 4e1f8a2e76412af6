import type { CoverageCollectionT } from '../../../core/geo/basemap';
import { memoLast } from '../../../core/state/selectors';
import type { LayerGroup } from '../compose';
import { fillPaint, perFeature } from '../paint';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

/** One label per strip, at a fixed point: a polygon label would repeat in every tile. */
const labels = memoLast(
  (data: CoverageCollectionT): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: data.features
      .filter((f) => f.properties.side === 'south')
      .map((f) => {
        const top = Math.max(...(f.geometry.coordinates[0] ?? []).map((c) => c[1] as number));
        // Just below the data edge and over 西城's south, where the gap matters.
        return {
          type: 'Feature' as const,
          properties: { text: `${f.properties.note_zh}\n${f.properties.note_en}` },
          geometry: { type: 'Point' as const, coordinates: [116.355, top - 0.004] },
        };
      }),
  }),
);

/** Where the road source has no data: marked and labelled, so an empty street grid is not mistaken for open land. */
export function coverage(data: CoverageCollectionT, p: BasemapPalette): LayerGroup {
  const source = 'basemap-coverage';
  return {
    sources: {
      [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection },
      'basemap-coverage-labels': { type: 'geojson', data: labels(data) },
    },
    layers: [
      { id: 'basemap-coverage-fill', type: 'fill', source, paint: fillPaint(p.noDataFill, 0.6) },
      {
        id: 'basemap-coverage-line',
        type: 'line',
        source,
        paint: { 'line-color': perFeature(p.noDataLine), 'line-width': 1, 'line-dasharray': [2, 3] },
      },
      {
        id: 'basemap-coverage-label',
        type: 'symbol',
        source: 'basemap-coverage-labels',
        minzoom: 11.5,
        layout: {
          'text-field': ['get', 'text'],
          'text-font': BASEMAP_FONT,
          'text-size': 11,
          'text-max-width': 30,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': p.noDataLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
