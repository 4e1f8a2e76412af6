import type { DistrictCollectionT } from '../../../core/geo/boundaries';
import type { LayerGroup, StyleContext } from '../compose';
import { fillPaint, perFeature } from '../paint';
import { OVERLAY_LOOKS } from '../theme';

/** 西城区 outline: a pale fill that sets the district off from its surroundings, and a firm edge. */
export function districtGroup(ctx: StyleContext, data: DistrictCollectionT): LayerGroup {
  const look = OVERLAY_LOOKS[ctx.theme];
  return {
    sources: { district: { type: 'geojson', data: data as GeoJSON.FeatureCollection } },
    layers: [
      // Translucent, so the basemap's streets and water inside the district stay visible.
      { id: 'district-fill', type: 'fill', source: 'district', paint: fillPaint(look.districtFill, look.districtFillOpacity) },
      {
        id: 'district-line',
        type: 'line',
        source: 'district',
        paint: { 'line-color': perFeature(look.districtLine), 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3] },
      },
    ],
  };
}
