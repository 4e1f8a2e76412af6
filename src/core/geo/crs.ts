/**
 * WGS-84 ⇄ GCJ-02 for whole GeoJSON values, with gcoord. Everything in this project is WGS-84;
 * a Chinese web basemap (AMap 高德, Tencent) is drawn in GCJ-02, so when one is configured the
 * overlays are moved onto it (≈ +0.0062° lon, +0.0013° lat in Beijing, SOURCES.md). Pure: the
 * input is never changed (gcoord itself transforms in place, so it is handed a copy).
 */
import gcoord from 'gcoord';

export type Crs = 'wgs84' | 'gcj02';
export type LngLat = [number, number];

const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const;

/** One position. Outside China gcoord leaves positions unchanged (GCJ-02 only applies there). */
export function transformPosition(p: readonly number[], from: Crs, to: Crs): LngLat {
  const [x, y] = p as [number, number];
  if (from === to) return [x, y];
  const [tx, ty] = gcoord.transform([x, y], GCOORD[from], GCOORD[to]) as [number, number];
  return [tx, ty];
}

interface Options {
  /**
   * Feature properties that hold a [lng, lat] position of their own (the 街道 label points): they
   * are drawn on the map too, so they move with the geometry.
   */
  positionProperties?: readonly string[];
}

const isPosition = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

/**
 * A copy of any GeoJSON value (geometry, Feature or FeatureCollection) with every position in `to`.
 * Properties named in `positionProperties` are moved as well; all other properties are copied as-is.
 */
export function transformGeoJSON<T>(geojson: T, from: Crs, to: Crs, options: Options = {}): T {
  const copy = structuredClone(geojson);
  if (from === to) return copy;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as {
      type?: unknown;
      coordinates?: unknown;
      geometries?: unknown[];
      geometry?: unknown;
      features?: unknown[];
      properties?: unknown;
    };
    if (o.type === 'FeatureCollection') for (const f of o.features ?? []) walk(f);
    else if (o.type === 'Feature') {
      walk(o.geometry);
      const props = o.properties as Record<string, unknown> | null | undefined;
      if (props)
        for (const key of options.positionProperties ?? []) {
          const v = props[key];
          if (isPosition(v)) props[key] = [...transformPosition(v, from, to), ...v.slice(2)];
        }
    } else if (o.type === 'GeometryCollection') for (const g of o.geometries ?? []) walk(g);
    else if (o.coordinates !== undefined) o.coordinates = mapPositions(o.coordinates, (p) => transformPosition(p, from, to));
  };
  walk(copy);
  return copy;
}

function mapPositions(c: unknown, fn: (p: number[]) => LngLat): unknown {
  if (isPosition(c)) return [...fn(c), ...(c as number[]).slice(2)];
  return Array.isArray(c) ? c.map((x) => mapPositions(x, fn)) : c;
}

export const toGcj02 = <T>(geojson: T, options?: Options): T => transformGeoJSON(geojson, 'wgs84', 'gcj02', options);
export const fromGcj02 = <T>(geojson: T, options?: Options): T => transformGeoJSON(geojson, 'gcj02', 'wgs84', options);
