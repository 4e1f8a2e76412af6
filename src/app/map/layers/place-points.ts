import type { CircleLayerSpecification, ExpressionSpecification, GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';
import { colourByCategory, LABEL_FONT, onHover } from './place-style';

/** How the discs look; the kiosk draws them larger and lighter on its dark map. */
export interface PointLook {
  radius: number;
  hoverRadius: number;
  /** Outline of an exactly placed point (an approximate one always has a white outline). */
  exactStroke: string;
  strokeWidth: number;
  clusterFill: string;
  clusterStroke: string;
}

export const POINT_LOOK: PointLook = {
  radius: 10,
  hoverRadius: 13,
  exactStroke: '#222222',
  strokeWidth: 1.5,
  clusterFill: 'rgba(59, 49, 40, 0.85)',
  clusterStroke: '#ffffff',
};

/** The icon layers, by the ink of their character. */
export const ICON_LAYERS = [
  ['place-icons', '#000000'],
  ['place-icons-light', '#ffffff'],
] as const;

/** The categories whose icon is drawn in this ink: each category in exactly one icon layer. */
export function categoriesWithInk(ink: string): string[] {
  return Object.entries(GROUP_OF)
    .filter(([, group]) => GROUP_STYLE[group].ink === ink)
    .map(([category]) => category);
}

function inCategories(categories: string[]): ExpressionSpecification {
  return ['in', ['get', 'category'], ['literal', categories]];
}

const isCluster: ExpressionSpecification = ['has', 'point_count'];

/**
 * Paint of the one circle layer that draws both places and clusters. One layer rather than two
 * because every distinct mix of per-feature and constant paint properties is a WebGL program of
 * its own, and compiling one takes tens of milliseconds where there is no GPU (kiosk PCs, software
 * rendering): the first map paint waits for each.
 */
export function pointPaint(look: PointLook): NonNullable<CircleLayerSpecification['paint']> {
  return {
    'circle-color': ['case', isCluster, look.clusterFill, colourByCategory()],
    'circle-radius': ['case', isCluster, ['step', ['get', 'point_count'], 14, 5, 18, 10, 22], onHover(look.hoverRadius, look.radius)],
    'circle-stroke-color': [
      'case',
      isCluster,
      look.clusterStroke,
      ['==', ['get', 'precision'], 'approximate'],
      '#ffffff',
      look.exactStroke,
    ],
    'circle-stroke-width': look.strokeWidth,
  };
}

/**
 * Point places: clustered where they crowd (a click on a cluster zooms to where it splits), each
 * point a category-coloured disc with its one-character icon, named once there is room.
 */
export function addPlacePoints(map: MlMap): void {
  map.addSource('place-points', {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    promoteId: 'id',
    cluster: true,
    clusterRadius: 36,
    clusterMaxZoom: 14,
  });
  map.addLayer({ id: 'place-points', type: 'circle', source: 'place-points', paint: pointPaint(POINT_LOOK) });
  map.addLayer({
    id: 'place-cluster-count',
    type: 'symbol',
    source: 'place-points',
    filter: isCluster,
    layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-allow-overlap': true },
    paint: { 'text-color': '#ffffff' },
  });
  // One icon layer per ink (dark on light discs, white on dark ones), each with a fixed colour, so
  // that they share the labels' WebGL program instead of needing one with a per-feature colour.
  for (const [id, ink] of ICON_LAYERS)
    map.addLayer({
      id,
      type: 'symbol',
      source: 'place-points',
      filter: ['all', ['!', isCluster], inCategories(categoriesWithInk(ink))],
      layout: { 'text-field': colourByCategory('icon'), 'text-font': LABEL_FONT, 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': ink },
    });
  map.addLayer({
    id: 'place-labels',
    type: 'symbol',
    source: 'place-points',
    filter: ['!', ['has', 'point_count']],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 13,
      'text-offset': [0, 1.3],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#2a241e', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  });
  map.on('click', 'place-points', async (e) => {
    const f = e.features?.[0];
    if (f?.geometry.type !== 'Point' || typeof f.properties.cluster_id !== 'number') return;
    const zoom = await (map.getSource('place-points') as GeoJSONSource).getClusterExpansionZoom(f.properties.cluster_id as number);
    map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
  });
}
