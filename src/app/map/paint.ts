import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * A constant paint value written as a per-feature expression (no feature has the property it
 * looks up, so it always yields `value`).
 *
 * Why: MapLibre compiles one WebGL program per layer type and per mix of constant and per-feature
 * paint properties. The report's places are coloured per feature, so writing the basemap's and the
 * outlines' constant colours the same way lets every fill layer share one program and every line
 * layer another. Without a GPU (kiosk PCs, software rendering) compiling a program blocks the page
 * for ~50 ms, and the first map paint waited for three more of them.
 */
export function perFeature(value: string | number): ExpressionSpecification {
  return ['coalesce', ['get', '__atlas_constant'], value] as ExpressionSpecification;
}

/** Paint for a fill layer in the shared program shape: colour and opacity per feature. */
export function fillPaint(colour: string, opacity = 1): { 'fill-color': ExpressionSpecification; 'fill-opacity': ExpressionSpecification } {
  return { 'fill-color': perFeature(colour), 'fill-opacity': perFeature(opacity) };
}
