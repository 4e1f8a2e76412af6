import type { ExpressionSpecification } from 'maplibre-gl';
import { GROUP_OF, GROUP_STYLE, GROUPS } from '../../../core/places/groups';

/** category → group colour, as a MapLibre expression shared by every place layer. */
export function colourByCategory(key: 'colour' | 'ink' | 'icon' = 'colour'): ExpressionSpecification {
  const pairs: string[] = [];
  for (const [cat, group] of Object.entries(GROUP_OF)) pairs.push(cat, GROUP_STYLE[group][key]);
  return ['match', ['get', 'category'], ...pairs, GROUP_STYLE.areas[key]] as unknown as ExpressionSpecification;
}

export const GROUP_ORDER = GROUPS;

/** `whileHovered` while the place is hovered (in the text or on the map), else `otherwise`. */
export function onHover<T extends string | number>(whileHovered: T, otherwise: T): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', 'hover'], false], whileHovered, otherwise] as ExpressionSpecification;
}

/**
 * Circle radius in pixels for a distance in metres carried by the feature, at any zoom: Web
 * Mercator halves the metres per pixel with each zoom level (512-px tiles: 78271.5 m/px at z0 on
 * the equator), so an exponential interpolation with base 2 is exact.
 */
export function metresToPixels(metresProp: string, lat: number): ExpressionSpecification {
  const m0 = 78271.517 * Math.cos((lat * Math.PI) / 180);
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    0,
    ['/', ['get', metresProp], m0],
    22,
    ['/', ['*', ['get', metresProp], 2 ** 22], m0],
  ] as unknown as ExpressionSpecification;
}

export const LABEL_FONT = ['Noto Sans Regular'];
