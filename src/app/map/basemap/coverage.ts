import type { Map as MlMap } from 'maplibre-gl';
import type { CoverageCollectionT } from '../../../core/geo/basemap';
import { fillPaint, perFeature } from '../paint';
import { addLayerBelowContent } from './layers';
import { BASEMAP_FONT, type BasemapPalette } from './palette';

/** Where the road source has no data: marked and labelled, so an empty street grid is not mistaken for open land. */
export function addCoverage(map: MlMap, data: CoverageCollectionT, p: BasemapPalette): void {
  map.addSource('basemap-coverage', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  addLayerBelowContent(map, {
    id: 'basemap-coverage-fill',
    type: 'fill',
    source: 'basemap-coverage',
    paint: fillPaint(p.noDataFill, 0.6),
  });
  addLayerBelowContent(map, {
    id: 'basemap-coverage-line',
    type: 'line',
    source: 'basemap-coverage',
    paint: { 'line-color': perFeature(p.noDataLine), 'line-width': 1, 'line-dasharray': [2, 3] },
  });
  // One label per strip, at a fixed point: a polygon label would repeat in every tile.
  const labels = data.features
    .filter((f) => f.properties.side === 'south')
    .map((f) => {
      const ring = f.geometry.coordinates[0] ?? [];
      const lats = ring.map((c) => c[1]);
      const top = Math.max(...lats);
      return {
        type: 'Feature' as const,
        properties: { text: `${f.properties.note_zh}\n${f.properties.note_en}` },
        // Just below the data edge and over 西城's south, where the gap matters.
        geometry: { type: 'Point' as const, coordinates: [116.355, top - 0.004] },
      };
    });
  map.addSource('basemap-coverage-labels', { type: 'geojson', data: { type: 'FeatureCollection', features: labels } });
  addLayerBelowContent(map, {
    id: 'basemap-coverage-label',
    type: 'symbol',
    source: 'basemap-coverage-labels',
    minzoom: 11.5,
    layout: { 'text-field': ['get', 'text'], 'text-font': BASEMAP_FONT, 'text-size': 11, 'text-max-width': 30, 'text-allow-overlap': true },
    paint: { 'text-color': p.noDataLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.2 },
  });
}
