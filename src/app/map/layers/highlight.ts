import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { PlaceFeatureT } from '../../../core/places/model';
import { perFeature } from '../paint';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The selected place drawn over everything: a ring for a point, a bold line for lines and areas. */
export function addHighlight(map: MlMap): void {
  map.addSource('selection', { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: 'selection-area',
    type: 'line',
    source: 'selection',
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': perFeature('#9b2226'), 'line-width': 4, 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: 'selection-point',
    type: 'circle',
    source: 'selection',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 17, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#9b2226', 'circle-stroke-width': 4 },
  });
}

export function setHighlight(map: MlMap, place: PlaceFeatureT | undefined): void {
  const src = map.getSource('selection') as GeoJSONSource | undefined;
  if (!src) return;
  src.setData(
    place?.geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: place.geometry }] } : EMPTY,
  );
}
