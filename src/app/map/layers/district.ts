import type { Map as MlMap } from 'maplibre-gl';
import type { DistrictCollectionT } from '../../../core/geo/boundaries';
import { fillPaint, perFeature } from '../paint';
import { PALETTE } from '../style';
import { belowPlaces } from './order';

/** 西城区 outline: a pale fill that sets the district off from its surroundings, and a firm edge. */
export function addDistrictLayer(map: MlMap, data: DistrictCollectionT): void {
  // The outline may arrive after the places are drawn: it goes under them.
  const before = belowPlaces(map);
  map.addSource('district', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  // Translucent, so the basemap's streets and water inside the district stay visible.
  map.addLayer(
    {
      id: 'district-fill',
      type: 'fill',
      source: 'district',
      paint: fillPaint(PALETTE.districtFill, 0.45),
    },
    before,
  );
  map.addLayer(
    {
      id: 'district-line',
      type: 'line',
      source: 'district',
      paint: { 'line-color': perFeature(PALETTE.districtLine), 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3] },
    },
    before,
  );
}
