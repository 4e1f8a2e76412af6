import { circlePolygon, type LngLat } from '../../../core/geo/sphere';
import { memoLast } from '../../../core/state/selectors';
import { RADIUS_DEFAULT } from '../../../core/state/url';
import type { LayerGroup, MapComposer, StyleContext } from '../../map/compose';

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

const circleData = memoLast(
  (lng: number | undefined, lat: number | undefined, radius: number): GeoJSON.FeatureCollection =>
    lng === undefined || lat === undefined
      ? EMPTY
      : {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [circlePolygon({ lng, lat }, radius)] } },
          ],
        },
);
const centreData = memoLast(
  (lng: number | undefined, lat: number | undefined): GeoJSON.FeatureCollection =>
    lng === undefined || lat === undefined
      ? EMPTY
      : {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, lat] } }],
        },
);

/** The near-me circle, under the places (its fill barely tints the ground). */
function circleGroup(ctx: StyleContext): LayerGroup | null {
  const s = ctx.state;
  if (s.mode !== 'resident') return null;
  const near: LngLat | undefined = s.near;
  return {
    sources: { 'resident-circle': { type: 'geojson', data: circleData(near?.lng, near?.lat, s.radius ?? RADIUS_DEFAULT) } },
    layers: [
      { id: 'resident-circle-fill', type: 'fill', source: 'resident-circle', paint: { 'fill-color': '#9b2226', 'fill-opacity': 0.06 } },
      {
        id: 'resident-circle-line',
        type: 'line',
        source: 'resident-circle',
        paint: { 'line-color': '#9b2226', 'line-width': 2, 'line-dasharray': [3, 2], 'line-opacity': 0.85 },
      },
    ],
  };
}

/** The centre, over the places: a white halo and a blue dot, as location dots look elsewhere. */
function centreGroup(ctx: StyleContext): LayerGroup | null {
  const s = ctx.state;
  if (s.mode !== 'resident') return null;
  return {
    sources: { 'resident-centre': { type: 'geojson', data: centreData(s.near?.lng, s.near?.lat) } },
    layers: [
      {
        id: 'resident-centre-halo',
        type: 'circle',
        source: 'resident-centre',
        paint: {
          'circle-radius': 11,
          'circle-color': '#ffffff',
          'circle-opacity': 0.9,
          'circle-stroke-color': '#9b2226',
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'resident-centre',
        type: 'circle',
        source: 'resident-centre',
        paint: { 'circle-radius': 6, 'circle-color': '#005fcc', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      },
    ],
  };
}

/** Both as functions of the state: drawn while the mode is on, gone when it is left. */
export function provideCircle(composer: MapComposer): void {
  composer.provide('resident-circle', circleGroup);
  composer.provide('resident-centre', centreGroup);
}
