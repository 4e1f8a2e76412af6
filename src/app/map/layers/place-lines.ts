import type { ExpressionSpecification, Map as MlMap } from 'maplibre-gl';
import { colourByCategory, onHover } from './place-style';

/** The white casing under each line turns dark while the line is hovered (in the text or on the map). */
export function casingColour(normal: string, hover: string): ExpressionSpecification {
  return onHover(hover, normal);
}

const approximate: ExpressionSpecification = ['==', ['get', 'precision'], 'approximate'];

/**
 * Streets, greenways and transport lines, drawn as lines. Approximate ones are dashed: a layer of
 * their own with a fixed dash, rather than a per-feature dash, so that each layer's paint shares
 * its WebGL program with other layers (see pointPaint).
 */
export function addPlaceLines(map: MlMap): void {
  map.addSource('place-lines', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
  map.addLayer({
    id: 'place-lines-casing',
    type: 'line',
    source: 'place-lines',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': casingColour('#ffffff', '#3b3128'),
      'line-width': ['interpolate', ['linear'], ['zoom'], 11, 6, 16, 11],
      'line-opacity': 0.9,
    },
  });
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 11, 3, 16, 7];
  map.addLayer({
    id: 'place-lines',
    type: 'line',
    source: 'place-lines',
    filter: ['!', approximate],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': colourByCategory(), 'line-width': width },
  });
  map.addLayer({
    id: 'place-lines-approx',
    type: 'line',
    source: 'place-lines',
    filter: approximate,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': colourByCategory(), 'line-width': width, 'line-dasharray': [2, 1] },
  });
}
