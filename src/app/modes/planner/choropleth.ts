import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { SubdistrictValue } from '../../../core/analysis/aggregate';
import { type Classes, classLabels, classOf, jenksBreaks } from '../../../core/analysis/classify';
import type { SubdistrictCollectionT } from '../../../core/geo/boundaries';

export type ChoroMetric = 'count' | 'perKm2';

/** ColorBrewer OrRd, 5 classes. */
export const CHORO_RAMP = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
const SRC = 'planner-choropleth';
export const CHORO_LAYER = 'planner-choropleth-fill';

export interface ChoroResult {
  classes: Classes;
  labels: string[];
  colours: string[];
  values: SubdistrictValue[];
}

/**
 * The 街道 choropleth: a MapLibre fill of our own, under the 街道 outlines, coloured per feature
 * from a `colour` property computed here (Jenks natural breaks, up to 5 classes, of the chosen
 * metric). The values travel on the features too, so what the map shows can be read back.
 */
export function drawChoropleth(
  map: MlMap,
  subdistricts: SubdistrictCollectionT,
  values: SubdistrictValue[],
  metric: ChoroMetric,
): ChoroResult {
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
  const src = map.getSource(SRC) as GeoJSONSource | undefined;
  if (src) src.setData(data);
  else {
    map.addSource(SRC, { type: 'geojson', data });
    const before = map.getLayer('subdistricts-line') ? 'subdistricts-line' : undefined;
    map.addLayer(
      {
        id: CHORO_LAYER,
        type: 'fill',
        source: SRC,
        paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.62, 'fill-outline-color': '#9c8b78' },
      },
      before,
    );
  }
  map.setLayoutProperty(CHORO_LAYER, 'visibility', 'visible');
  return { classes, labels: classLabels(classes, metric === 'count' ? 0 : 2), colours, values };
}

export function hideChoropleth(map: MlMap): void {
  if (map.getLayer(CHORO_LAYER)) map.setLayoutProperty(CHORO_LAYER, 'visibility', 'none');
}
