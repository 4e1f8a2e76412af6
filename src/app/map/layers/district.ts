import type { Map as MlMap } from 'maplibre-gl';
import type { DistrictCollectionT } from '../../../core/geo/boundaries';
import { PALETTE } from '../style';

/** 西城区 outline: a pale fill that sets the district off from its surroundings, and a firm edge. */
export function addDistrictLayer(map: MlMap, data: DistrictCollectionT): void {
  map.addSource('district', { type: 'geojson', data: data as GeoJSON.FeatureCollection });
  // Translucent, so the basemap's streets and water inside the district stay visible.
  map.addLayer({
    id: 'district-fill',
    type: 'fill',
    source: 'district',
    paint: { 'fill-color': PALETTE.districtFill, 'fill-opacity': 0.45 },
  });
  map.addLayer({
    id: 'district-line',
    type: 'line',
    source: 'district',
    paint: { 'line-color': PALETTE.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3] },
  });
}
