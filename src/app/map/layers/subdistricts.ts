import type { Map as MlMap } from 'maplibre-gl';
import type { SubdistrictCollectionT } from '../../../core/geo/boundaries';
import { perFeature } from '../paint';
import { PALETTE } from '../style';
import { belowPlaces } from './order';

/** The 15 街道: hairline boundaries, names at each polygon's label point. */
export function addSubdistrictLayers(map: MlMap, data: SubdistrictCollectionT): void {
  // The outline may arrive after the places are drawn: it goes under them.
  const before = belowPlaces(map);
  map.addSource('subdistricts', { type: 'geojson', data: data as GeoJSON.FeatureCollection, promoteId: 'adcode' });
  // Transparent fill so the polygons are hit-testable (click, queryRenderedFeatures).
  map.addLayer(
    { id: 'subdistricts-fill', type: 'fill', source: 'subdistricts', paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
    before,
  );
  map.addLayer(
    {
      id: 'subdistricts-line',
      type: 'line',
      source: 'subdistricts',
      paint: { 'line-color': perFeature(PALETTE.subdistrictLine), 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    before,
  );
  map.addSource('subdistrict-labels', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: data.features.map((f) => ({
        type: 'Feature',
        properties: { name: f.properties.name, short: f.properties.short, adcode: f.properties.adcode },
        geometry: { type: 'Point', coordinates: f.properties.label },
      })),
    },
  });
  map.addLayer(
    {
      id: 'subdistricts-label',
      type: 'symbol',
      source: 'subdistrict-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans Regular'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 15],
        'text-allow-overlap': false,
      },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5, 'text-opacity': 0.75 },
    },
    before,
  );
}
