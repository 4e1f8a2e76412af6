import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { colourByCategory, LABEL_FONT } from './place-style';

/**
 * Point places: clustered where they crowd (a click on a cluster zooms to where it splits), each
 * point a category-coloured disc with its one-character icon, named once there is room.
 */
export function addPlacePoints(map: MlMap): void {
  map.addSource('place-points', {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    promoteId: 'id',
    cluster: true,
    clusterRadius: 36,
    clusterMaxZoom: 14,
  });
  map.addLayer({
    id: 'place-clusters',
    type: 'circle',
    source: 'place-points',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#3b3128',
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 14, 5, 18, 10, 22],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'place-cluster-count',
    type: 'symbol',
    source: 'place-points',
    filter: ['has', 'point_count'],
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  });
  map.addLayer({
    id: 'place-points',
    type: 'circle',
    source: 'place-points',
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': colourByCategory(),
      'circle-radius': ['case', ['boolean', ['feature-state', 'hover'], false], 13, 10],
      'circle-stroke-color': ['case', ['==', ['get', 'precision'], 'approximate'], '#ffffff', '#222222'],
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: 'place-icons',
    type: 'symbol',
    source: 'place-points',
    filter: ['!', ['has', 'point_count']],
    layout: { 'text-field': colourByCategory('icon'), 'text-font': LABEL_FONT, 'text-size': 12, 'text-allow-overlap': true },
    paint: { 'text-color': colourByCategory('ink') },
  });
  map.addLayer({
    id: 'place-labels',
    type: 'symbol',
    source: 'place-points',
    filter: ['!', ['has', 'point_count']],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 13,
      'text-offset': [0, 1.3],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#2a241e', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  });
  map.on('click', 'place-clusters', async (e) => {
    const f = e.features?.[0];
    if (f?.geometry.type !== 'Point') return;
    const zoom = await (map.getSource('place-points') as GeoJSONSource).getClusterExpansionZoom(f.properties.cluster_id as number);
    map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
  });
}
