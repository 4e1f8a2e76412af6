import type { LayerSpecification } from 'maplibre-gl';
import { circlePolygon } from '../../../core/geo/sphere';
import type { PlaceFeatureT } from '../../../core/places/model';
import { memoLast } from '../../../core/state/selectors';
import type { Lang } from '../../../core/state/url';
import type { LayerGroup, StyleContext } from '../compose';
import { OVERLAY_LOOKS } from '../theme';
import { LABEL_FONT } from './place-style';

export const SELECTION_SOURCE = 'selection';

/**
 * The selected place over everything: its shape outlined, a ring round a point, the ring of its
 * uncertainty (true to scale, an outline only) and its name, which always shows: other labels
 * give way to it, so where places share a spot the map names the one the card shows.
 */
const selectionData = memoLast((places: readonly PlaceFeatureT[], lang: Lang): GeoJSON.FeatureCollection => {
  const features: GeoJSON.Feature[] = [];
  for (const p of places) {
    if (!p.geometry) continue;
    const pr = p.properties;
    const name = lang === 'zh' ? pr.name : pr.name_en;
    features.push({ type: 'Feature', properties: { kind: 'shape', id: p.id }, geometry: p.geometry as GeoJSON.Geometry });
    if (p.geometry.type === 'Point' && pr.precision === 'approximate' && pr.uncertainty_m) {
      const [lng, lat] = p.geometry.coordinates as [number, number];
      features.push({
        type: 'Feature',
        properties: { kind: 'ring', id: p.id },
        geometry: { type: 'Polygon', coordinates: [circlePolygon({ lng, lat }, pr.uncertainty_m)] },
      });
    }
    const point = p.geometry.type === 'Point';
    features.push({
      type: 'Feature',
      properties: { kind: 'label', id: p.id, name, point },
      geometry: { type: 'Point', coordinates: pr.label ?? (p.geometry.type === 'Point' ? p.geometry.coordinates : [0, 0]) },
    });
  }
  return { type: 'FeatureCollection', features };
});

const kind = (k: string) => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];

export function selectionGroup(ctx: StyleContext, selected: readonly PlaceFeatureT[]): LayerGroup {
  const look = OVERLAY_LOOKS[ctx.theme];
  const layers: LayerSpecification[] = [
    {
      id: 'selection-ring',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: kind('ring'),
      paint: { 'line-color': look.selection, 'line-width': 1.5, 'line-dasharray': [3, 2], 'line-opacity': 0.8 },
    },
    {
      id: 'selection-area',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['all', kind('shape'), ['!=', ['geometry-type'], 'Point']],
      paint: { 'line-color': look.selection, 'line-width': 4, 'line-opacity': 0.9 },
    },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: ['all', kind('shape'), ['==', ['geometry-type'], 'Point']],
      paint: {
        'circle-radius': look.selectionRadius,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': look.selection,
        'circle-stroke-width': 4,
      },
    },
    {
      id: 'selection-label',
      type: 'symbol',
      source: SELECTION_SOURCE,
      filter: kind('label'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': look.labelSize + 1,
        'text-offset': ['case', ['get', 'point'], ['literal', [0, 1.6]], ['literal', [0, 0]]],
        'text-anchor': ['case', ['get', 'point'], 'top', 'center'],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': look.selectionText, 'text-halo-color': look.labelHalo, 'text-halo-width': 2 },
    },
  ];
  return { sources: { [SELECTION_SOURCE]: { type: 'geojson', data: selectionData(selected, ctx.state.lang) } }, layers };
}

/** The selection's geometry layers, for the hit test: a tap on the highlight is a tap on the selected place. */
export const SELECTION_HIT_LAYERS = ['selection-point', 'selection-area'] as const;
