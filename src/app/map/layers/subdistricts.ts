import type { SubdistrictCollectionT } from '../../../core/geo/boundaries';
import { memoLast } from '../../../core/state/selectors';
import type { LayerGroup, StyleContext } from '../compose';
import { perFeature } from '../paint';
import { OVERLAY_LOOKS } from '../theme';
import { LABEL_FONT } from './place-style';

/** One label point per 街道; its English name carries the pinyin beside the Chinese. */
const labels = memoLast(
  (data: SubdistrictCollectionT): GeoJSON.FeatureCollection => ({
    type: 'FeatureCollection',
    features: data.features.map((f) => ({
      type: 'Feature',
      properties: {
        name: f.properties.name,
        name_en: `${f.properties.name_en.replace(/ Subdistrict$/, '')} ${f.properties.short}`,
      },
      geometry: { type: 'Point', coordinates: f.properties.label },
    })),
  }),
);

/** The 15 街道: hairline boundaries, names at each polygon's label point. */
export function subdistrictsGroup(ctx: StyleContext, data: SubdistrictCollectionT): LayerGroup {
  const look = OVERLAY_LOOKS[ctx.theme];
  return {
    sources: {
      subdistricts: { type: 'geojson', data: data as GeoJSON.FeatureCollection },
      'subdistrict-labels': { type: 'geojson', data: labels(data) },
    },
    layers: [
      {
        id: 'subdistricts-line',
        type: 'line',
        source: 'subdistricts',
        paint: { 'line-color': perFeature(look.subdistrictLine), 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'subdistricts-label',
        type: 'symbol',
        source: 'subdistrict-labels',
        layout: {
          'text-field': ['get', ctx.state.lang === 'zh' ? 'name' : 'name_en'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 15],
          'text-max-width': 7,
        },
        paint: { 'text-color': look.subdistrictLabel, 'text-halo-color': look.labelHalo, 'text-halo-width': 1.5, 'text-opacity': 0.8 },
      },
    ],
  };
}
