import type { LayerSpecification } from 'maplibre-gl';
import type { RoadCollectionT } from '../../../core/geo/basemap';
import type { LayerGroup } from '../compose';
import { perFeature } from '../paint';
import type { BasemapPalette } from './palette';

/**
 * Roads, unnamed (the MSR network has no names): ring roads and expressways cased, arterials from
 * the district view, local streets and hutongs only once zoomed in, where they stop being noise.
 */
export function roads(data: RoadCollectionT, p: BasemapPalette): LayerGroup {
  const cls = (n: number) => ['==', ['get', 'class'], n] as ['==', ['get', string], number];
  const width = (stops: number[]) => ['interpolate', ['exponential', 1.6], ['zoom'], ...stops] as unknown as number;
  const source = 'basemap-roads';
  const layers: LayerSpecification[] = [
    {
      id: 'basemap-roads-local',
      type: 'line',
      source,
      filter: cls(3),
      minzoom: 13,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': perFeature(p.roadLocal),
        'line-width': width([13, 0.4, 16, 2, 19, 8]),
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14, 1],
      },
    },
    {
      id: 'basemap-roads-arterial-casing',
      type: 'line',
      source,
      filter: cls(2),
      minzoom: 14,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': perFeature(p.roadArterialCasing), 'line-width': width([14, 2.5, 16, 5, 19, 16]) },
    },
    {
      id: 'basemap-roads-arterial',
      type: 'line',
      source,
      filter: cls(2),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': perFeature(p.roadArterial), 'line-width': width([11, 0.5, 14, 1.5, 16, 3.5, 19, 13]) },
    },
    {
      id: 'basemap-roads-major-casing',
      type: 'line',
      source,
      filter: cls(1),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': perFeature(p.roadMajorCasing), 'line-width': width([10, 1.5, 14, 4, 16, 8, 19, 22]) },
    },
    {
      id: 'basemap-roads-major',
      type: 'line',
      source,
      filter: cls(1),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': perFeature(p.roadMajor), 'line-width': width([10, 0.8, 14, 2.5, 16, 6, 19, 18]) },
    },
  ];
  return { sources: { [source]: { type: 'geojson', data: data as GeoJSON.FeatureCollection, tolerance: 0.3 } }, layers };
}
