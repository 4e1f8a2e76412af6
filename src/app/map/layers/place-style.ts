import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';

/** category → group colour, as a MapLibre expression shared by every place layer. */
export function colourByCategory(key: 'colour' | 'ink' | 'icon' = 'colour'): ExpressionSpecification {
  const pairs: string[] = [];
  for (const [cat, group] of Object.entries(GROUP_OF)) pairs.push(cat, GROUP_STYLE[group][key]);
  return ['match', ['get', 'category'], ...pairs, GROUP_STYLE.areas[key]] as unknown as ExpressionSpecification;
}

/** `whileHovered` while the place is hovered (in the text or on the map), else `otherwise`. */
export function onHover<T extends string | number>(whileHovered: T, otherwise: T): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', 'hover'], false], whileHovered, otherwise] as ExpressionSpecification;
}

export const LABEL_FONT = ['Noto Sans Regular'];

/** The icon layers, by the ink of their character. */
export const ICON_INKS = [
  ['place-icons', '#000000'],
  ['place-icons-light', '#ffffff'],
] as const;

/** The categories whose icon is drawn in this ink: each category in exactly one icon layer. */
export function categoriesWithInk(ink: string): string[] {
  return Object.entries(GROUP_OF)
    .filter(([, group]) => GROUP_STYLE[group].ink === ink)
    .map(([category]) => category);
}

/**
 * One icon layer per ink (dark on light discs, white on dark ones), each with a fixed colour, so
 * that they share the labels' WebGL program instead of needing one with a per-feature colour.
 */
export function iconLayers(source: string, isCluster: ExpressionSpecification, size: number): LayerSpecification[] {
  return ICON_INKS.map(([id, ink]) => ({
    id,
    type: 'symbol',
    source,
    filter: ['all', ['!', isCluster], ['in', ['get', 'category'], ['literal', categoriesWithInk(ink)]]],
    layout: { 'text-field': colourByCategory('icon'), 'text-font': LABEL_FONT, 'text-size': size, 'text-allow-overlap': true },
    paint: { 'text-color': ink },
  }));
}
