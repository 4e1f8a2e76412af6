import type { LayerSpecification } from 'maplibre-gl';
import { circlePolygon } from '../../../core/geo/sphere';
import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';
import type { PlaceFeatureT } from '../../../core/places/model';
import { memoLast } from '../../../core/state/selectors';
import type { Lang } from '../../../core/state/url';
import type { LayerGroup, StyleContext } from '../compose';
import { perFeature } from '../paint';
import { OVERLAY_LOOKS } from '../theme';
import { LABEL_FONT } from './place-style';

export const SELECTION_SOURCE = 'selection';

/** The transparent image the selected point's label layer uses to hold the ring's room (added on demand). */
export const ROOM_IMAGE = 'atlas-selection-room';
export const ROOM_IMAGE_PX = 2;

/**
 * The ring of an approximate point's uncertainty, true to scale (a polygon on the ground, so it is
 * right at every zoom) and an outline only: a 4.7 km circle must inform, not tint half the district.
 */
function uncertaintyRing(p: PlaceFeatureT, colour: string): GeoJSON.Feature | null {
  const pr = p.properties;
  if (p.geometry?.type !== 'Point' || pr.precision !== 'approximate' || !pr.uncertainty_m) return null;
  const [lng, lat] = p.geometry.coordinates as [number, number];
  return {
    type: 'Feature',
    properties: { kind: 'ring', id: p.id, colour },
    geometry: { type: 'Polygon', coordinates: [circlePolygon({ lng, lat }, pr.uncertainty_m)] },
  };
}

/**
 * The selected place over everything: its shape outlined, a ring round a point, the ring of its
 * uncertainty and its name, which always shows: other labels give way to it, so where places
 * share a spot the map names the one the card shows. The hovered place's uncertainty ring (in
 * its category's colour) is drawn here too, so a ring shows only while it is asked about.
 */
const selectionData = memoLast((places: readonly PlaceFeatureT[], hovered: PlaceFeatureT | undefined, lang: Lang, selection: string) => {
  const features: GeoJSON.Feature[] = [];
  const hoverRing = hovered && !places.includes(hovered) ? uncertaintyRing(hovered, categoryColour(hovered)) : null;
  if (hoverRing) features.push(hoverRing);
  for (const p of places) {
    if (!p.geometry) continue;
    const pr = p.properties;
    const name = lang === 'zh' ? pr.name : pr.name_en;
    features.push({
      type: 'Feature',
      properties: { kind: 'shape', id: p.id, colour: selection },
      geometry: p.geometry as GeoJSON.Geometry,
    });
    const ring = uncertaintyRing(p, selection);
    if (ring) features.push(ring);
    const point = p.geometry.type === 'Point';
    features.push({
      type: 'Feature',
      properties: { kind: 'label', id: p.id, name, point },
      geometry: { type: 'Point', coordinates: pr.label ?? (p.geometry.type === 'Point' ? p.geometry.coordinates : [0, 0]) },
    });
  }
  return { type: 'FeatureCollection', features } satisfies GeoJSON.FeatureCollection;
});

const categoryColour = (p: PlaceFeatureT): string => {
  const group = GROUP_OF[p.properties.category as keyof typeof GROUP_OF];
  return (group ? GROUP_STYLE[group] : GROUP_STYLE.areas).colour;
};

/** An approximate point has a ring worth drawing on hover; other places are lit by feature state alone. */
export const hasUncertaintyRing = (p: PlaceFeatureT | undefined): boolean =>
  p?.geometry?.type === 'Point' && p.properties.precision === 'approximate' && !!p.properties.uncertainty_m;

const kind = (k: string) => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];

// The line colours come from the data (not a constant) so these layers share the shader program of
// the places' own lines: each distinct program costs a shader link on first paint.
const colour = ['get', 'colour'] as ['get', string];

export function selectionGroup(ctx: StyleContext, selected: readonly PlaceFeatureT[], hovered?: PlaceFeatureT): LayerGroup {
  const look = OVERLAY_LOOKS[ctx.theme];
  const layers: LayerSpecification[] = [
    {
      id: 'selection-ring',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: kind('ring'),
      paint: { 'line-color': colour, 'line-width': 1.5, 'line-dasharray': [3, 2], 'line-opacity': 0.85 },
    },
    {
      id: 'selection-area',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['all', kind('shape'), ['!=', ['geometry-type'], 'Point']],
      paint: { 'line-color': colour, 'line-width': 4, 'line-opacity': 0.9 },
    },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: ['all', kind('shape'), ['==', ['geometry-type'], 'Point']],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 0, perFeature(look.selectionRadius), 24, perFeature(look.selectionRadius)],
        'circle-color': perFeature('rgba(0,0,0,0)'),
        'circle-stroke-color': perFeature(look.selection),
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
        // A point's ring is a circle layer, which takes no part in label placement: an invisible
        // icon of the ring's size holds its room, so a neighbour's name never covers the marker.
        'icon-image': ['case', ['get', 'point'], ROOM_IMAGE, ''],
        'icon-size': (look.selectionRadius + 3) * (2 / ROOM_IMAGE_PX),
        'icon-allow-overlap': true,
      },
      paint: { 'text-color': look.selectionText, 'text-halo-color': look.labelHalo, 'text-halo-width': 2, 'icon-opacity': 0 },
    },
  ];
  return {
    sources: { [SELECTION_SOURCE]: { type: 'geojson', data: selectionData(selected, hovered, ctx.state.lang, look.selection) } },
    layers,
  };
}

/** The selection's geometry layers, for the hit test: a tap on the highlight is a tap on the selected place. */
export const SELECTION_HIT_LAYERS = ['selection-point', 'selection-area'] as const;
