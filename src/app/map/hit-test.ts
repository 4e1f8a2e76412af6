import type { MapGeoJSONFeature, Map as MlMap, PointLike } from 'maplibre-gl';
import type { GeometryT } from '../../core/geo/schema';
import type { PlaceFeatureT } from '../../core/places/model';
import { type Hit, type HitCandidate, type PointerKind, resolveHit, TOLERANCE_PX } from '../../core/state/hit-test';
import type { Theme } from './compose';
import { CLUSTER_STEPS, clusterRadius, LINE_WIDTHS } from './layers/places';
import { SELECTION_HIT_LAYERS } from './layers/selection';
import { OVERLAY_LOOKS } from './theme';

/** The layers a pointer can land on, measured within the tolerance box. */
const NEAR_LAYERS = ['place-points', 'place-lines-casing', 'place-lines', 'place-lines-approx', ...SELECTION_HIT_LAYERS];
/** Filled shapes: they count only at the pointer itself (inside), so nearby points and lines win. */
const AT_LAYERS = ['place-areas-fill', 'district-fill'];

type XY = [number, number];

function segmentGap(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Screen-space lines of a geometry: line parts, or polygon rings (their outline). */
function linesOf(g: GeometryT): number[][][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return g.coordinates.map((c) => [c]);
  }
}

/** Pixels from a screen point to the nearest part of a geometry's lines (or its points). */
function pixelGap(map: MlMap, p: XY, g: GeometryT): number {
  let best = Number.POSITIVE_INFINITY;
  for (const line of linesOf(g)) {
    const pts = line.map((c) => {
      const q = map.project([c[0] as number, c[1] as number]);
      return [q.x, q.y] as XY;
    });
    if (pts.length === 1) best = Math.min(best, Math.hypot(p[0] - (pts[0] as XY)[0], p[1] - (pts[0] as XY)[1]));
    for (let i = 1; i < pts.length; i++) best = Math.min(best, segmentGap(p, pts[i - 1] as XY, pts[i] as XY));
  }
  return best;
}

/** Relative size of an area, to offer the smaller of two nested areas first (shoelace on degrees). */
function relativeArea(g: GeometryT): number {
  const rings = g.type === 'Polygon' ? [g.coordinates[0] ?? []] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0] ?? []) : [];
  let sum = 0;
  for (const r of rings)
    for (let i = 1; i < r.length; i++)
      sum +=
        ((r[i - 1] as number[])[0] as number) * ((r[i] as number[])[1] as number) -
        ((r[i] as number[])[0] as number) * ((r[i - 1] as number[])[1] as number);
  return Math.abs(sum);
}

/** Line width in pixels at a zoom, as the layer interpolates it between zoom 11 and 16. */
function widthAt(zoom: number, w: readonly [number, number]): number {
  const t = Math.max(0, Math.min(1, (zoom - 11) / 5));
  return w[0] + t * (w[1] - w[0]);
}

export interface HitSource {
  map: MlMap;
  places: ReadonlyMap<string, PlaceFeatureT>;
  theme(): Theme;
  selected(): string | undefined;
}

function present(map: MlMap, ids: readonly string[]): string[] {
  return ids.filter((id) => map.getLayer(id));
}

/**
 * Everything drawn near a screen point, each with its distance in pixels from the pointer to the
 * drawn shape (the whole geometry from the data, not the tile piece the renderer returns).
 */
export function candidatesAt(src: HitSource, point: { x: number; y: number }, tolerancePx: number): HitCandidate[] {
  const { map } = src;
  const look = OVERLAY_LOOKS[src.theme()];
  const p: XY = [point.x, point.y];
  const box: [PointLike, PointLike] = [
    [p[0] - tolerancePx, p[1] - tolerancePx],
    [p[0] + tolerancePx, p[1] + tolerancePx],
  ];
  const out: HitCandidate[] = [];
  const zoom = map.getZoom();
  const near = map.queryRenderedFeatures(box, { layers: present(map, NEAR_LAYERS) });
  const at = map.queryRenderedFeatures(p, { layers: present(map, AT_LAYERS) });
  for (const f of [...near, ...at]) {
    const c = candidateOf(src, f, p, zoom, look.radius + look.strokeWidth, look.selectionRadius + 2);
    if (c) out.push(c);
  }
  return out;
}

function candidateOf(src: HitSource, f: MapGeoJSONFeature, p: XY, zoom: number, discPx: number, ringPx: number): HitCandidate | null {
  const layer = f.layer.id;
  const props = f.properties ?? {};
  if (layer === 'district-fill') return { role: 'district', id: 'district', gapPx: 0 };
  if (layer === 'place-points' && typeof props.cluster_id === 'number') {
    const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
    const gap = Math.max(
      0,
      pixelGap(src.map, p, { type: 'Point', coordinates: at }) - clusterRadius(Number(props.point_count ?? CLUSTER_STEPS[1])),
    );
    return { role: 'point', id: `cluster:${props.cluster_id}`, gapPx: gap, cluster: { id: props.cluster_id, at } };
  }
  const id = String(props.id ?? '');
  const place = src.places.get(id);
  if (!place?.geometry) return null;
  const g = place.geometry;
  if (layer === 'place-areas-fill') {
    const cat = place.properties.category;
    const role = cat === 'subdistrict' ? 'subdistrict' : cat === 'district' ? 'district' : 'area';
    return { role, id, gapPx: 0, areaM2: relativeArea(g) };
  }
  if ((SELECTION_HIT_LAYERS as readonly string[]).includes(layer)) {
    if (src.selected() !== id) return null;
    const half = g.type === 'Point' ? ringPx : 2;
    return { role: 'selected', id, gapPx: Math.max(0, pixelGap(src.map, p, g) - half) };
  }
  if (layer === 'place-points') return { role: 'point', id, gapPx: Math.max(0, pixelGap(src.map, p, g) - discPx) };
  return { role: 'line', id, gapPx: Math.max(0, pixelGap(src.map, p, g) - widthAt(zoom, LINE_WIDTHS.casing) / 2) };
}

/** What a pointer event at a screen point means (see resolveHit for the rules). */
export function hitAt(src: HitSource, point: { x: number; y: number }, pointer: PointerKind): Hit {
  const tol = TOLERANCE_PX[pointer];
  return resolveHit(candidatesAt(src, point, tol), tol);
}
