import type { Map as MlMap } from 'maplibre-gl';
import type { z } from 'zod';
import coverageUrl from '../../../../geodata/basemap/coverage.geojson?url';
import districtsUrl from '../../../../geodata/basemap/districts.geojson?url';
import groundUrl from '../../../../geodata/basemap/ground.geojson?url';
import railStationsUrl from '../../../../geodata/basemap/rail-stations.geojson?url';
import roadsUrl from '../../../../geodata/basemap/roads.geojson?url';
import stationsUrl from '../../../../geodata/basemap/stations.geojson?url';
import streetNamesUrl from '../../../../geodata/basemap/street-names.geojson?url';
import subwayLinesUrl from '../../../../geodata/basemap/subway-lines.geojson?url';
import waterUrl from '../../../../geodata/basemap/water.geojson?url';
import type { BASEMAP_FILES, BasemapFile } from '../../../core/geo/basemap';
import { parseJsonQuick } from '../../../core/io/json-quick';
import { loadSchemas } from '../../data';
import type { LayerGroup, MapComposer, Theme } from '../compose';
import { configuredProvider, providerBasemap } from '../providers';
import { setActiveBasemap } from './active';
import { coverage } from './coverage';
import { districtLabels, districts } from './districts';
import { ground, groundLabels } from './ground';
import { findOsmBasemap, loadOsmLayers, type OsmLayers, osmGroup, watchBuildings } from './osm';
import { BASEMAP_FONT, BASEMAP_PALETTES, type BasemapPalette } from './palette';
import { roads } from './roads';
import { railStations, stations } from './stations';
import { streetNames } from './street-names';
import { subwayLines } from './subway-lines';
import { water } from './water';

export { activeBasemap, type BasemapKind } from './active';
export { BASEMAP_ATTRIBUTION, BASEMAP_LEGEND, basemapLegend, type LegendEntry } from './legend';
export { BASEMAP_FONT, BASEMAP_PALETTES, type BasemapPalette, type BasemapTheme } from './palette';

const URLS: Record<BasemapFile, string> = {
  'roads.geojson': roadsUrl,
  'water.geojson': waterUrl,
  'districts.geojson': districtsUrl,
  'stations.geojson': stationsUrl,
  'subway-lines.geojson': subwayLinesUrl,
  'rail-stations.geojson': railStationsUrl,
  'coverage.geojson': coverageUrl,
  'ground.geojson': groundUrl,
  'street-names.geojson': streetNamesUrl,
};

type Loaded<F extends BasemapFile> = z.infer<(typeof BASEMAP_FILES)[F]>;
/** Each file is fetched and validated once per page: the kiosk redraws the basemap in its dark theme. */
const fetched = new Map<BasemapFile, Promise<string>>();
const loaded = new Map<BasemapFile, Promise<unknown>>();

function fetchText(file: BasemapFile): Promise<string> {
  let p = fetched.get(file);
  if (!p) {
    p = fetch(URLS[file]).then((res) => {
      if (!res.ok) throw new Error(`basemap ${file}: HTTP ${res.status} when loading ${URLS[file]}`);
      return res.text();
    });
    // A failure is reported by addBasemap when it awaits the file; only a prefetch nobody used would be unhandled.
    p.catch(() => undefined);
    fetched.set(file, p);
  }
  return p;
}

function load<F extends BasemapFile>(file: F): Promise<Loaded<F>> {
  let p = loaded.get(file) as Promise<Loaded<F>> | undefined;
  if (!p) {
    p = Promise.all([fetchText(file), loadSchemas()]).then(
      ([text, s]) => parseJsonQuick(text, `geodata/basemap/${file}`, s.BASEMAP_FILES[file] as z.ZodType) as Promise<Loaded<F>>,
    );
    loaded.set(file, p);
  }
  return p;
}

/** Looked up once per page: the answer cannot change. */
let osmLookup: ReturnType<typeof findOsmBasemap> | undefined;

/**
 * Starts downloading the basemap before the map exists, so the files arrive alongside the app's own
 * data instead of after the map's style has loaded. All default files are asked for at once,
 * without waiting for the answer to "is there an OSM basemap?": waiting cost a round trip behind the
 * map's WebGL setup. Where an OSM basemap was built, its roads and water replace the default ones,
 * which are then downloaded (130 kB gzip) but never parsed.
 */
export function prefetchBasemap(): void {
  if (configuredProvider()) return;
  osmLookup ??= findOsmBasemap(new URL('./', location.href).href);
  for (const f of Object.keys(URLS) as BasemapFile[]) fetchText(f);
}

/** Several groups as one, in order (bottom first). */
function concat(groups: LayerGroup[]): LayerGroup {
  return { sources: Object.assign({}, ...groups.map((g) => g.sources)), layers: groups.flatMap((g) => g.layers) };
}

type Context = {
  districts: Loaded<'districts.geojson'>;
  stations: Loaded<'stations.geojson'>;
  subway: Loaded<'subway-lines.geojson'>;
  rail: Loaded<'rail-stations.geojson'>;
};
/** The transit and neighbour context both basemaps share, drawn over the streets. */
const transit = (c: Context, p: BasemapPalette) => [
  subwayLines(c.subway, p),
  railStations(c.rail, p),
  stations(c.stations, p),
  districtLabels(c.districts, p),
];

async function loadContext(): Promise<Context> {
  const [d, st, sub, rail] = await Promise.all([
    load('districts.geojson'),
    load('stations.geojson'),
    load('subway-lines.geojson'),
    load('rail-stations.geojson'),
  ]);
  return { districts: d, stations: st, subway: sub, rail };
}

/**
 * The basemap as a group of the map's style, in the theme the state asks for: the online provider
 * the app was built with (atlas.config.json), else the full OSM street basemap when one was built
 * beside the app (`npm run basemap`, found through its manifest on the app's own origin), else the
 * embedded default. Resolves once it is on the map.
 */
export async function provideBasemap(map: MlMap, composer: MapComposer): Promise<void> {
  const provider = configuredProvider();
  if (provider) {
    const g = await providerBasemap(provider, BASEMAP_FONT);
    if (g.sprite) map.setSprite(g.sprite);
    setActiveBasemap('provider');
    composer.provide('basemap', () => ({ sources: g.sources, layers: g.layers }));
    return;
  }
  const base = new URL('./', location.href).href;
  osmLookup ??= findOsmBasemap(base);
  const osm = await osmLookup;
  if (osm) {
    // OSM has every street and water body, so the default roads, water and its "no road data"
    // notes give way; the neighbouring districts, subway lines and stations stay as context.
    const [c, layers] = await Promise.all([loadContext(), loadOsmLayers(base)]);
    let data: OsmLayers = layers;
    const provide = () =>
      composer.provide('basemap', (ctx) => {
        const p = BASEMAP_PALETTES[ctx.theme as Theme];
        return concat([districts(c.districts, p), osmGroup(data, p), ...transit(c, p)]);
      });
    setActiveBasemap('osm');
    provide();
    watchBuildings(map, base, (buildings) => {
      data = { ...data, buildings };
      provide();
    });
    return;
  }
  const [c, r, w, cov, g, names] = await Promise.all([
    loadContext(),
    load('roads.geojson'),
    load('water.geojson'),
    load('coverage.geojson'),
    load('ground.geojson'),
    load('street-names.geojson'),
  ]);
  setActiveBasemap('default');
  // Drawing order, bottom first.
  composer.provide('basemap', (ctx) => {
    const p = BASEMAP_PALETTES[ctx.theme];
    return concat([
      districts(c.districts, p),
      coverage(cov, p),
      ground(g, p),
      water(w, p),
      roads(r, p),
      streetNames(names, p),
      ...transit(c, p),
      groundLabels(g, p),
    ]);
  });
}
