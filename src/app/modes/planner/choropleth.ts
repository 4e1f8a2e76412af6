import type { SubdistrictValue } from '../../../core/analysis/aggregate';
import { type Classes, classLabels, classOf, jenksBreaks } from '../../../core/analysis/classify';
import type { SubdistrictCollectionT } from '../../../core/geo/boundaries';
import type { PlannerOptions } from '../../../core/state/planner';
import { plannerOf } from '../../../core/state/planner';
import type { LayerGroup, StyleContext } from '../../map/compose';

/** ColorBrewer OrRd, 5 classes. */
export const CHORO_RAMP = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
export const CHORO_SOURCE = 'planner-choropleth';

export interface Choropleth {
  classes: Classes;
  labels: string[];
  colours: string[];
  values: SubdistrictValue[];
  data: GeoJSON.FeatureCollection;
}

/**
 * The 街道 choropleth: Jenks natural breaks (up to 5 classes) of the chosen metric, a colour per
 * 街道 from them. The values travel on the features too, so what the map shows can be read back.
 */
export function choropleth(subdistricts: SubdistrictCollectionT, values: SubdistrictValue[], metric: PlannerOptions['metric']): Choropleth {
  const v = (x: SubdistrictValue) => (metric === 'count' ? x.count : Math.round(x.perKm2 * 100) / 100);
  const classes = jenksBreaks(values.map(v), CHORO_RAMP.length);
  const n = classes.breaks.length;
  // Spread fewer classes over the whole ramp so the top class is always the darkest.
  const colours = classes.breaks.map(
    (_, i) => CHORO_RAMP[n <= 1 ? CHORO_RAMP.length - 1 : Math.round((i * (CHORO_RAMP.length - 1)) / (n - 1))] as string,
  );
  const byName = new Map(values.map((x) => [x.name, x]));
  const data: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: subdistricts.features.map((f) => {
      const x = byName.get(f.properties.name);
      const value = x ? v(x) : 0;
      return {
        type: 'Feature',
        geometry: f.geometry as GeoJSON.Geometry,
        properties: {
          name: f.properties.name,
          count: x?.count ?? 0,
          perKm2: x?.perKm2 ?? 0,
          value,
          colour: colours[classOf(value, classes)] ?? CHORO_RAMP[0],
        },
      };
    }),
  };
  return { classes, labels: classLabels(classes, metric === 'count' ? 0 : 2), colours, values, data };
}

/** The choropleth as a group of the map's style, under the 街道 outlines; off with the mode or at opacity 0. */
export function choroplethGroup(ctx: StyleContext, current: () => Choropleth): LayerGroup | null {
  const opacity = plannerOf(ctx.state).opacity.choropleth;
  if (ctx.state.mode !== 'planner' || opacity === 0) return null;
  return {
    sources: { [CHORO_SOURCE]: { type: 'geojson', data: current().data } },
    layers: [
      {
        id: 'planner-choropleth-fill',
        type: 'fill',
        source: CHORO_SOURCE,
        paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': opacity, 'fill-outline-color': '#9c8b78' },
      },
    ],
  };
}
