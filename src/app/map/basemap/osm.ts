import type { LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { z } from 'zod';
import type { OSM_BASEMAP_FILES, OsmBasemapFile, OsmManifestPresent } from '../../../core/geo/osm-basemap';
import { OSM_ATTRIBUTION, OSM_BASEMAP_DIR, OSM_MANIFEST_FILE } from '../../../core/geo/osm-basemap-names';
import { parseJsonQuick } from '../../../core/io/json-quick';
import { loadSchemas } from '../../data';
import type { LayerGroup } from '../compose';
import { BASEMAP_FONT, type BasemapPalette, streetLabelLayout } from './palette';

/** Buildings are the largest layer and only readable from this zoom, so they load when first needed. */
export const OSM_BUILDINGS_MINZOOM = 14;

function dirUrl(base: string): string {
  return new URL(`${OSM_BASEMAP_DIR}/`, base).href;
}

/**
 * Looks for a full street basemap built by `npm run basemap` beside the app (same origin only).
 * Resolves to its manifest, or to null when there is none: a build without one ships a manifest
 * saying so (vite.config.ts), and a 404, an HTML fallback page or a network failure also mean
 * "none" rather than an error the user would see. A manifest that exists but is broken is reported
 * in the console and the default basemap is drawn.
 */
export async function findOsmBasemap(base: string): Promise<OsmManifestPresent | null> {
  const url = new URL(OSM_MANIFEST_FILE, dirUrl(base)).href;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    return null;
  }
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
  try {
    const manifest = await parseJsonQuick(await res.text(), `${OSM_BASEMAP_DIR}/${OSM_MANIFEST_FILE}`, (await loadSchemas()).OsmManifest);
    return manifest.present ? manifest : null;
  } catch (e) {
    console.warn(`OSM basemap ignored, drawing the default basemap instead: ${String(e)}`);
    return null;
  }
}

type Loaded<F extends OsmBasemapFile> = z.infer<(typeof OSM_BASEMAP_FILES)[F]>;
const cache = new Map<string, Promise<unknown>>();

/**
 * Fetches and validates one layer file, once per page (the kiosk redraws the basemap in its dark
 * theme). JSON.parse and the schema first; the slower located parse only to explain a failure.
 */
export function loadLayer<F extends OsmBasemapFile>(base: string, file: F): Promise<Loaded<F>> {
  const url = new URL(file, dirUrl(base)).href;
  let p = cache.get(url) as Promise<Loaded<F>> | undefined;
  if (!p) {
    p = (async () => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`OSM basemap ${file}: HTTP ${res.status} when loading ${url}`);
      const text = await res.text();
      const schema = (await loadSchemas()).OSM_BASEMAP_FILES[file] as z.ZodType;
      return (await parseJsonQuick(text, `${OSM_BASEMAP_DIR}/${file}`, schema)) as Loaded<F>;
    })();
    cache.set(url, p);
  }
  return p;
}

type Filter = unknown[];
const classIn = (...classes: string[]): Filter => ['in', ['get', 'class'], ['literal', classes]];
const named: Filter = ['has', 'name'];
const width = (stops: number[]) => ['interpolate', ['exponential', 1.6], ['zoom'], ...stops] as unknown as number;

/** Road drawing order, bottom first; each class is cased from the zoom where it has room for it. */
const ROAD_TIERS: Array<{
  id: string;
  classes: string[];
  fill: keyof BasemapPalette;
  casing: keyof BasemapPalette | null;
  w: number[];
  minzoom: number;
}> = [
  { id: 'path', classes: ['path'], fill: 'path', casing: null, w: [15, 0.5, 18, 1.5], minzoom: 15 },
  {
    id: 'minor',
    classes: ['minor', 'service', 'pedestrian', 'hutong'],
    fill: 'roadArterial',
    casing: 'localCasing',
    w: [13, 0.5, 16, 3, 19, 12],
    minzoom: 13,
  },
  {
    id: 'tertiary',
    classes: ['tertiary'],
    fill: 'roadArterial',
    casing: 'roadArterialCasing',
    w: [11, 0.5, 14, 2, 16, 4.5, 19, 15],
    minzoom: 11,
  },
  {
    id: 'arterial',
    classes: ['primary', 'secondary'],
    fill: 'roadArterial',
    casing: 'roadArterialCasing',
    w: [10, 0.7, 14, 3, 16, 6, 19, 18],
    minzoom: 0,
  },
  {
    id: 'major',
    classes: ['motorway', 'trunk'],
    fill: 'roadMajor',
    casing: 'roadMajorCasing',
    w: [10, 1, 14, 3.5, 16, 7, 19, 20],
    minzoom: 0,
  },
];

function roadLayers(p: BasemapPalette): LayerSpecification[] {
  const out: Array<Record<string, unknown>> = [];
  for (const t of ROAD_TIERS) {
    if (t.casing)
      out.push({
        id: `basemap-osm-roads-${t.id}-casing`,
        type: 'line',
        source: 'basemap-osm-roads',
        filter: classIn(...t.classes),
        minzoom: Math.max(t.minzoom, 13),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': p[t.casing], 'line-width': width(t.w.map((v, i) => (i % 2 ? v + 1.5 : v))) },
      });
    out.push({
      id: `basemap-osm-roads-${t.id}`,
      type: 'line',
      source: 'basemap-osm-roads',
      filter: classIn(...t.classes),
      minzoom: t.minzoom,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        // Hutongs get their own warm tint: they are what a visitor to 西城 walks.
        'line-color': t.id === 'minor' ? ['match', ['get', 'class'], 'hutong', p.hutong, p[t.fill]] : p[t.fill],
        'line-width': width(t.w),
        ...(t.id === 'path' ? { 'line-dasharray': [2, 1.5] } : {}),
      },
    });
  }
  return out as unknown as LayerSpecification[];
}

function labelLayers(p: BasemapPalette): LayerSpecification[] {
  const label = (color: string) => ({ 'text-color': color, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.3 });
  const out: Array<Record<string, unknown>> = [
    {
      id: 'basemap-osm-water-label',
      type: 'symbol',
      source: 'basemap-osm-water',
      minzoom: 13,
      filter: ['all', ['==', ['get', 'kind'], 'area'], named],
      layout: { 'text-field': ['get', 'name'], 'text-font': BASEMAP_FONT, 'text-size': 13, 'text-letter-spacing': 0.2 },
      paint: label(p.waterLabel),
    },
    {
      id: 'basemap-osm-parks-label',
      type: 'symbol',
      source: 'basemap-osm-parks',
      minzoom: 14,
      filter: named,
      layout: { 'text-field': ['get', 'name'], 'text-font': BASEMAP_FONT, 'text-size': 12 },
      paint: label(p.parkLabel),
    },
  ];
  // Street names follow the street: main roads from zoom 13, hutongs and lanes from 15.
  for (const [id, classes, minzoom] of [
    ['major', ['motorway', 'trunk', 'primary', 'secondary', 'tertiary'], 13],
    ['minor', ['minor', 'hutong', 'service', 'pedestrian'], 15],
  ] as const)
    out.push({
      id: `basemap-osm-roads-label-${id}`,
      type: 'symbol',
      source: 'basemap-osm-roads',
      minzoom,
      filter: ['all', classIn(...classes), named],
      layout: streetLabelLayout(300),
      paint: label(p.roadLabel),
    });
  return out as unknown as LayerSpecification[];
}

export interface OsmLayers {
  roads: unknown;
  water: unknown;
  parks: unknown;
  railways: unknown;
  /** Loaded when the map first reaches OSM_BUILDINGS_MINZOOM; empty until then. */
  buildings: unknown;
}

const EMPTY = { type: 'FeatureCollection', features: [] };

/** Loads the OSM street basemap's layers (buildings later, see watchBuildings). */
export async function loadOsmLayers(base: string): Promise<OsmLayers> {
  const [roads, water, parks, railways] = await Promise.all([
    loadLayer(base, 'roads.geojson'),
    loadLayer(base, 'water.geojson'),
    loadLayer(base, 'parks.geojson'),
    loadLayer(base, 'railways.geojson'),
  ]);
  return { roads, water, parks, railways, buildings: EMPTY };
}

/** Calls back once with the buildings, when the map first reaches the zoom where they are readable. */
export function watchBuildings(map: MlMap, base: string, onLoaded: (buildings: unknown) => void): void {
  const check = () => {
    if (map.getZoom() < OSM_BUILDINGS_MINZOOM) return;
    map.off('zoomend', check);
    loadLayer(base, 'buildings.geojson').then(onLoaded, (e: unknown) => console.error(e));
  };
  map.on('zoomend', check);
  check();
}

/**
 * The OSM street basemap as a group of layers (ids and sources prefixed `basemap-osm-`): parks,
 * water, buildings, railways, roads by class, and the names of water, parks and streets.
 */
export function osmGroup(d: OsmLayers, p: BasemapPalette): LayerGroup {
  const source = (data: unknown) => ({
    type: 'geojson' as const,
    data: data as GeoJSON.FeatureCollection,
    attribution: OSM_ATTRIBUTION,
    tolerance: 0.3,
  });
  const layers: Array<Record<string, unknown>> = [
    { id: 'basemap-osm-parks', type: 'fill', source: 'basemap-osm-parks', paint: { 'fill-color': p.park } },
    {
      id: 'basemap-osm-water-area',
      type: 'fill',
      source: 'basemap-osm-water',
      filter: ['==', ['get', 'kind'], 'area'],
      paint: { 'fill-color': p.water },
    },
    {
      id: 'basemap-osm-water-line',
      type: 'line',
      source: 'basemap-osm-water',
      filter: ['all', ['==', ['get', 'kind'], 'line'], ['!', ['get', 'covered']]],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.waterLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 16, 3] },
    },
    {
      id: 'basemap-osm-buildings',
      type: 'fill',
      source: 'basemap-osm-buildings',
      minzoom: OSM_BUILDINGS_MINZOOM,
      paint: {
        'fill-color': p.building,
        'fill-outline-color': p.buildingLine,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0, 15, 1],
      },
    },
    // Tunnels (the subway under 地安门外大街) are not drawn: the schematic subway lines cover them.
    {
      id: 'basemap-osm-railways',
      type: 'line',
      source: 'basemap-osm-railways',
      filter: ['!', ['get', 'tunnel']],
      paint: { 'line-color': p.railway, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 16, 2], 'line-dasharray': [3, 2] },
    },
  ];
  return {
    sources: {
      'basemap-osm-parks': source(d.parks),
      'basemap-osm-water': source(d.water),
      'basemap-osm-buildings': source(d.buildings),
      'basemap-osm-railways': source(d.railways),
      'basemap-osm-roads': source(d.roads),
    },
    layers: [...(layers as unknown as LayerSpecification[]), ...roadLayers(p), ...labelLayers(p)],
  };
}
