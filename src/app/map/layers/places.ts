import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { PlaceFeatureT } from '../../../core/places/model';
import { memoLast } from '../../../core/state/selectors';
import type { Lang } from '../../../core/state/url';
import type { LayerGroup, StyleContext } from '../compose';
import { OVERLAY_LOOKS, type OverlayLook } from '../theme';
import { colourByCategory, iconLayers, LABEL_FONT, onHover } from './place-style';

/** What the place layers draw: the places in scope (all kept on the map) and those that pass the filters. */
export interface PlacesInput {
  scope: readonly PlaceFeatureT[];
  visible: readonly PlaceFeatureT[];
  /** Null when no filter is set (every place in scope is visible). */
  visibleIds: readonly string[] | null;
  selected: string | undefined;
}

export const PLACE_SOURCES = { points: 'place-points', lines: 'place-lines', areas: 'place-areas' } as const;
export type PlaceKind = keyof typeof PLACE_SOURCES;

export function kindOf(f: PlaceFeatureT): PlaceKind | null {
  switch (f.geometry?.type) {
    case 'Point':
    case 'MultiPoint':
      return 'points';
    case 'LineString':
    case 'MultiLineString':
      return 'lines';
    case 'Polygon':
    case 'MultiPolygon':
      return 'areas';
    default:
      return null;
  }
}

/** A place as a map feature: what the layers style and label by, nothing more. */
function feature(f: PlaceFeatureT): GeoJSON.Feature {
  const p = f.properties;
  return {
    type: 'Feature',
    geometry: f.geometry as GeoJSON.Geometry,
    properties: {
      id: f.id,
      name: p.name,
      name_en: p.name_en,
      category: p.category,
      precision: p.precision,
      uncertainty_m: p.uncertainty_m ?? 0,
      mentions: p.mentions,
    },
  };
}

const collection = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });

/** Label points of lines and areas (points carry their own label). */
const labelFeature = (f: PlaceFeatureT): GeoJSON.Feature => ({
  ...feature(f),
  geometry: { type: 'Point', coordinates: f.properties.label ?? [0, 0] },
});

// The data objects stay the same while their input does, so the composer calls setData only on change.
const pointsData = memoLast((visible: readonly PlaceFeatureT[]) => collection(visible.filter((f) => kindOf(f) === 'points').map(feature)));
const scopeData = memoLast((scope: readonly PlaceFeatureT[]) => ({
  lines: collection(scope.filter((f) => kindOf(f) === 'lines').map(feature)),
  areas: collection(scope.filter((f) => kindOf(f) === 'areas').map(feature)),
  labels: collection(scope.filter((f) => kindOf(f) === 'lines' || kindOf(f) === 'areas').map(labelFeature)),
}));

const nameOf = (lang: Lang): ExpressionSpecification => ['get', lang === 'zh' ? 'name' : 'name_en'];
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const approximate: ExpressionSpecification = ['==', ['get', 'precision'], 'approximate'];

/** Radius of a cluster disc by how many places it holds (also used by the hit test). */
export const CLUSTER_STEPS = [14, 5, 18, 10, 22] as const;
export function clusterRadius(count: number): number {
  return count >= CLUSTER_STEPS[3] ? CLUSTER_STEPS[4] : count >= CLUSTER_STEPS[1] ? CLUSTER_STEPS[2] : CLUSTER_STEPS[0];
}
/** Line widths at zoom 11 and 16 (interpolated between), casing and line (also used by the hit test). */
export const LINE_WIDTHS = { casing: [6, 11], line: [3, 7] } as const;
const widthByZoom = (w: readonly [number, number]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 11, w[0], 16, w[1]];

const sameAtEveryZoom = (v: ExpressionSpecification): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 0, v, 24, v];

/** Paint of the one circle layer drawing places and clusters (one WebGL program rather than two). */
export function pointPaint(look: OverlayLook) {
  return {
    'circle-color': ['case', isCluster, look.clusterFill, colourByCategory()] as ExpressionSpecification,
    // The same radius at every zoom, written as a zoom curve: the basemap's stations grow with
    // the zoom, and a zoom-and-feature radius in both lets them share one WebGL program.
    'circle-radius': sameAtEveryZoom([
      'case',
      isCluster,
      ['step', ['get', 'point_count'], ...CLUSTER_STEPS],
      onHover(look.hoverRadius, look.radius),
    ] as ExpressionSpecification),
    'circle-stroke-color': ['case', isCluster, look.clusterStroke, approximate, '#ffffff', look.exactStroke] as ExpressionSpecification,
    'circle-stroke-width': look.strokeWidth,
  };
}

function lineAndAreaLayers(look: OverlayLook, only: FilterSpecification | undefined): LayerSpecification[] {
  const f = (filter?: ExpressionSpecification): { filter?: FilterSpecification } => {
    const parts: FilterSpecification[] = [];
    if (only) parts.push(only);
    if (filter) parts.push(filter);
    if (parts.length === 0) return {};
    return { filter: (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification };
  };
  const round = { 'line-cap': 'round', 'line-join': 'round' } as const;
  return [
    {
      id: 'place-areas-fill',
      type: 'fill',
      source: PLACE_SOURCES.areas,
      ...f(),
      // The outline layer draws the edge; an antialiased fill edge would be one more WebGL program.
      paint: {
        'fill-color': colourByCategory(),
        'fill-opacity': onHover(look.areaOpacityHover, look.areaOpacity),
        'fill-antialias': false,
      },
    },
    {
      id: 'place-areas-line',
      type: 'line',
      source: PLACE_SOURCES.areas,
      ...f(),
      paint: { 'line-color': colourByCategory(), 'line-width': look.areaLineWidth, 'line-opacity': 0.8 },
    },
    {
      id: 'place-lines-casing',
      type: 'line',
      source: PLACE_SOURCES.lines,
      ...f(),
      layout: round,
      paint: {
        'line-color': onHover(look.lineCasingHover, look.lineCasing),
        'line-width': widthByZoom(LINE_WIDTHS.casing),
        'line-opacity': 0.9,
      },
    },
    // Approximate lines are dashed: a layer of their own with a fixed dash (a per-feature dash is another program).
    {
      id: 'place-lines',
      type: 'line',
      source: PLACE_SOURCES.lines,
      ...f(['!', approximate]),
      layout: round,
      paint: { 'line-color': colourByCategory(), 'line-width': widthByZoom(LINE_WIDTHS.line) },
    },
    {
      id: 'place-lines-approx',
      type: 'line',
      source: PLACE_SOURCES.lines,
      ...f(approximate),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colourByCategory(), 'line-width': widthByZoom(LINE_WIDTHS.line), 'line-dasharray': [2, 1] },
    },
  ];
}

function pointLayers(
  look: OverlayLook,
  lang: Lang,
  notSelected: FilterSpecification | undefined,
  shapeLabelFilter: FilterSpecification | undefined,
): LayerSpecification[] {
  const label = {
    'text-color': look.labelText,
    'text-halo-color': look.labelHalo,
    'text-halo-width': 1.5,
  };
  return [
    { id: 'place-points', type: 'circle', source: PLACE_SOURCES.points, paint: pointPaint(look) },
    {
      id: 'place-cluster-count',
      type: 'symbol',
      source: PLACE_SOURCES.points,
      filter: isCluster,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': LABEL_FONT,
        'text-size': look.iconSize + 1,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': look.clusterText },
    },
    ...iconLayers(PLACE_SOURCES.points, isCluster, look.iconSize),
    {
      id: 'place-labels',
      type: 'symbol',
      source: PLACE_SOURCES.points,
      filter: (notSelected ? ['all', ['!', isCluster], notSelected] : ['!', isCluster]) as FilterSpecification,
      layout: {
        'text-field': nameOf(lang),
        'text-font': LABEL_FONT,
        'text-size': look.labelSize,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: label,
    },
    {
      id: 'place-shape-labels',
      type: 'symbol',
      source: 'place-labels',
      ...(shapeLabelFilter ? { filter: shapeLabelFilter } : {}),
      minzoom: 12,
      layout: { 'text-field': nameOf(lang), 'text-font': LABEL_FONT, 'text-size': look.labelSize - 1, 'text-max-width': 8 },
      paint: label,
    },
  ];
}

/**
 * The report's places as a group of layers: areas, lines, the uncertainty rings, points with
 * their clusters, icons and names. A function of the state: the filters choose what is drawn
 * (a layer filter for lines and areas; new data for the clustered points, whose clusters must
 * count only what is shown), the language picks the label field, the theme the look.
 */
export function placesGroup(ctx: StyleContext, input: PlacesInput): LayerGroup {
  const look = OVERLAY_LOOKS[ctx.theme];
  const data = scopeData(input.scope);
  const only: FilterSpecification | undefined = input.visibleIds ? ['in', ['get', 'id'], ['literal', input.visibleIds]] : undefined;
  const notSelected: FilterSpecification | undefined = input.selected ? ['!=', ['get', 'id'], input.selected] : undefined;
  const both: FilterSpecification[] = [];
  if (only) both.push(only);
  if (notSelected) both.push(notSelected);
  const shapeLabelFilter = both.length > 1 ? (['all', ...both] as FilterSpecification) : both[0];
  const geojson = (d: GeoJSON.FeatureCollection, extra: Record<string, unknown> = {}) =>
    ({ type: 'geojson', data: d, promoteId: 'id', ...extra }) as const;
  return {
    sources: {
      [PLACE_SOURCES.areas]: geojson(data.areas),
      [PLACE_SOURCES.lines]: geojson(data.lines),
      [PLACE_SOURCES.points]: geojson(pointsData(input.visible), { cluster: true, clusterRadius: 36, clusterMaxZoom: 14 }),
      'place-labels': geojson(data.labels),
    },
    layers: [...lineAndAreaLayers(look, only), ...pointLayers(look, ctx.state.lang, notSelected, shapeLabelFilter)],
  };
}
