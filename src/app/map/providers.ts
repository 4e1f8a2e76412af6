/**
 * Online basemap providers, chosen at BUILD time in atlas.config.json (or the file ATLAS_CONFIG
 * names): any MapLibre style URL, a raster XYZ source, 天地图 Tianditu, or the GCJ-02 providers
 * AMap 高德 and Tencent. Without a configuration the app stays offline and draws its own basemap.
 *
 * This module is imported by vite.config.ts (to write the CSP) as well as by the app, so it is pure
 * and touches no DOM. The configuration file's schema is in ./atlas-config.ts, read at build time
 * only: its validation code is not part of what the app loads.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Crs, LngLat } from '../../core/geo/crs';
import type { ProviderConfigT } from './atlas-config';

export type { ProviderConfigT } from './atlas-config';

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);

const TIANDITU_LABELS = { vec: 'cva', img: 'cia', ter: 'cta' } as const;
/** Tianditu's WMTS in Web Mercator ("_w") as an XYZ template; it is CGCS2000, within a metre of WGS-84. */
const tiandituTiles = (layer: string, key: string) =>
  range(8).map(
    (i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
  );

interface RasterLayerSpec {
  id: string;
  tiles: string[];
  attribution: string;
  maxzoom: number;
  tileSize: number;
  scheme: 'xyz' | 'tms';
}

/** The raster sources a provider draws, bottom first; [] for a style URL (fetched at run time). */
export function providerRasters(p: ProviderConfigT): RasterLayerSpec[] {
  switch (p.type) {
    case 'style':
      return [];
    case 'raster':
      return [{ id: 'base', tiles: p.tiles, attribution: p.attribution, maxzoom: p.maxzoom, tileSize: p.tileSize, scheme: p.scheme }];
    case 'tianditu': {
      const attribution = '© 天地图 Tianditu (国家地理信息公共服务平台)';
      const base = { id: 'base', tiles: tiandituTiles(p.layer, p.key), attribution, maxzoom: 18, tileSize: 256, scheme: 'xyz' as const };
      return p.labels ? [base, { ...base, id: 'labels', tiles: tiandituTiles(TIANDITU_LABELS[p.layer], p.key) }] : [base];
    }
    case 'amap': {
      const tiles =
        p.layer === 'road'
          ? range(4, 1).map((i) => `https://webrd0${i}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`)
          : range(4, 1).map((i) => `https://webst0${i}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}`);
      return [{ id: 'base', tiles, attribution: '© 高德地图 AMap', maxzoom: 18, tileSize: 256, scheme: 'xyz' }];
    }
    case 'tencent':
      // Tencent numbers tile rows from the south (TMS).
      return [
        {
          id: 'base',
          tiles: range(4).map((i) => `https://rt${i}.map.gtimg.com/tile?z={z}&x={x}&y={y}&styleid=1000&scene=0&version=347`),
          attribution: '© 腾讯地图 Tencent Maps',
          maxzoom: 18,
          tileSize: 256,
          scheme: 'tms',
        },
      ];
  }
}

/** Every origin the provider's page needs to reach, sorted; the CSP lists exactly these. */
export function providerOrigins(p: ProviderConfigT): string[] {
  const origins =
    p.type === 'style' ? [new URL(p.url).origin, ...p.origins] : providerRasters(p).flatMap((r) => r.tiles.map((t) => new URL(t).origin));
  return [...new Set(origins)].sort();
}

/** The CRS the provider draws in: AMap and Tencent use GCJ-02; Tianditu (CGCS2000) and the rest WGS-84. */
export function providerCrs(p: ProviderConfigT | null): Crs {
  if (!p) return 'wgs84';
  if (p.type === 'amap' || p.type === 'tencent') return 'gcj02';
  return p.type === 'raster' ? p.crs : 'wgs84';
}

/**
 * The production Content-Security-Policy. Only the app's own origin, plus — when a provider is
 * configured — exactly its origins in connect-src (MapLibre fetches tiles and styles) and img-src
 * (tiles are images). MapLibre runs its worker from a blob: URL and decodes images through
 * blob:/data:, hence those two.
 */
export function buildCsp(p: ProviderConfigT | null): string {
  const extra = p
    ? providerOrigins(p)
        .map((o) => ` ${o}`)
        .join('')
    : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `img-src 'self' data: blob:${extra}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

declare const __ATLAS_BASEMAP_PROVIDER__: ProviderConfigT | null | undefined;

/** The provider the app was built with (vite.config.ts injects it), or null: offline. */
export function configuredProvider(): ProviderConfigT | null {
  return typeof __ATLAS_BASEMAP_PROVIDER__ === 'undefined' ? null : (__ATLAS_BASEMAP_PROVIDER__ ?? null);
}

/** The CRS the map is drawn in: WGS-84 unless a GCJ-02 provider is configured. */
export function mapCrs(): Crs {
  return providerCrs(configuredProvider());
}

/**
 * The coordinate conversions (gcoord), loaded only for a map that is not WGS-84: the default
 * offline build never needs them, and they stay out of the JavaScript loaded before the first paint.
 */
const crsModule = () => import('../../core/geo/crs');

/**
 * The data-loading boundary: every FeatureCollection among `collections` moved into the map's CRS
 * (and the 街道 label points with them). The identity when the map is WGS-84, which is the default.
 * Anything derived from these (halos, arcs, clusters, distances) is then in the map's CRS too.
 */
export async function toMapCrs<T extends Record<string, unknown>>(collections: T, crs: Crs = mapCrs()): Promise<T> {
  if (crs === 'wgs84') return collections;
  const { transformGeoJSON } = await crsModule();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(collections))
    out[k] =
      v && typeof v === 'object' && (v as { type?: unknown }).type === 'FeatureCollection'
        ? transformGeoJSON(v, 'wgs84', crs, { positionProperties: ['label'] })
        : v;
  return out as T;
}

/** A WGS-84 position from outside the data (the device's location) in the map's CRS. */
export async function toMapPosition(p: readonly number[], crs: Crs = mapCrs()): Promise<LngLat> {
  if (crs === 'wgs84') return [p[0] ?? Number.NaN, p[1] ?? Number.NaN];
  return (await crsModule()).transformPosition(p, 'wgs84', crs);
}

/** A position picked on the map back in WGS-84, e.g. before it goes into a shared link. */
export async function fromMapPosition(p: readonly number[], crs: Crs = mapCrs()): Promise<LngLat> {
  if (crs === 'wgs84') return [p[0] ?? Number.NaN, p[1] ?? Number.NaN];
  return (await crsModule()).transformPosition(p, crs, 'wgs84');
}

const PREFIX = 'basemap-provider-';

/**
 * A fetched MapLibre style made ready to sit under the report's layers: ids prefixed (the kiosk
 * swaps every `basemap-` layer), relative source URLs resolved against the style's URL, and every
 * label asking for the app's own font stack, so glyphs keep coming from the app's origin.
 */
export function adoptStyle(
  style: StyleSpecification,
  styleUrl: string,
  font: string[],
): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, src] of Object.entries(style.sources ?? {})) {
    const s = { ...src } as SourceSpecification & { url?: string; tiles?: string[]; data?: unknown };
    if (typeof s.url === 'string') s.url = new URL(s.url, styleUrl).href;
    if (Array.isArray(s.tiles))
      s.tiles = s.tiles.map((t) => (/^https?:/.test(t) ? t : new URL(t, styleUrl).href.replace(/%7B/g, '{').replace(/%7D/g, '}')));
    if (typeof s.data === 'string') s.data = new URL(s.data, styleUrl).href;
    sources[`${PREFIX}${id}`] = s;
  }
  const layers = (style.layers ?? []).map((l) => {
    const layer = { ...l, id: `${PREFIX}${l.id}` } as LayerSpecification & { source?: string; layout?: Record<string, unknown> };
    if (typeof layer.source === 'string') layer.source = `${PREFIX}${layer.source}`;
    if (layer.type === 'symbol' && layer.layout?.['text-field'] !== undefined) layer.layout = { ...layer.layout, 'text-font': font };
    return layer as LayerSpecification;
  });
  return { sources, layers };
}

/**
 * The configured provider's basemap as a group of layers, under the report's. Tiles are requested
 * from the provider's origins only (the CSP allows those and nothing else). A style's sprite, if
 * it has one, is returned for the map to load.
 */
export async function providerBasemap(
  p: ProviderConfigT,
  font: string[],
): Promise<{ sources: Record<string, SourceSpecification>; layers: LayerSpecification[]; sprite?: string }> {
  if (p.type === 'style') {
    const res = await fetch(p.url);
    if (!res.ok) throw new Error(`basemap style ${p.url}: HTTP ${res.status}`);
    const style = (await res.json()) as StyleSpecification;
    const adopted = adoptStyle(style, p.url, font);
    return typeof style.sprite === 'string' ? { ...adopted, sprite: new URL(style.sprite, p.url).href } : adopted;
  }
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  for (const r of providerRasters(p)) {
    sources[`${PREFIX}${r.id}`] = {
      type: 'raster',
      tiles: r.tiles,
      tileSize: r.tileSize,
      maxzoom: r.maxzoom,
      scheme: r.scheme,
      attribution: r.attribution,
    };
    layers.push({ id: `${PREFIX}${r.id}`, type: 'raster', source: `${PREFIX}${r.id}` });
  }
  return { sources, layers };
}
