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
import { BASEMAP_FILES, type BasemapFile } from '../../../core/geo/basemap';
import { parseJsonWithSchema } from '../../../core/io/json';
import { addProviderBasemap, configuredProvider } from '../providers';
import { setActiveBasemap } from './active';
import { addCoverage } from './coverage';
import { addDistrictLabels, addDistricts } from './districts';
import { addGround, addGroundLabels } from './ground';
import { addLayerBelowContent } from './layers';
import { addOsmBasemap, findOsmBasemap } from './osm';
import { BASEMAP_FONT, BASEMAP_PALETTES, type BasemapTheme } from './palette';
import { addRoads } from './roads';
import { addRailStations, addStations } from './stations';
import { addStreetNames } from './street-names';
import { addSubwayLines } from './subway-lines';
import { addWater } from './water';

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
    p = fetchText(file).then((text) => parseJsonWithSchema(text, `geodata/basemap/${file}`, BASEMAP_FILES[file] as z.ZodType) as Loaded<F>);
    loaded.set(file, p);
  }
  return p;
}

/** Looked up once per page: the kiosk redraws the basemap, and the answer cannot change. */
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

/**
 * Adds the basemap under any layers already on the map: the online provider the app was built
 * with (atlas.config.json), else the full OSM street basemap when one was built beside the app
 * (`npm run basemap`, found through its manifest on the app's own origin), else the embedded
 * default. Call it once, right after the map's 'load' event. Sets the
 * background colour of the theme on the style's 'background' layer, when there is one.
 */
export async function addBasemap(map: MlMap, theme: BasemapTheme): Promise<void> {
  const p = BASEMAP_PALETTES[theme];
  if (map.getLayer('background')) map.setPaintProperty('background', 'background-color', p.background);
  const provider = configuredProvider();
  if (provider) {
    await addProviderBasemap(map, provider, BASEMAP_FONT, (l) => addLayerBelowContent(map, l));
    setActiveBasemap('provider');
    return;
  }
  const base = new URL('./', location.href).href;
  osmLookup ??= findOsmBasemap(base);
  const osm = await osmLookup;
  if (osm) {
    // OSM has every street and water body, so the default roads, water and its "no road data"
    // notes give way; the neighbouring districts, subway lines and stations stay as context.
    const [districts, stations, subwayLines, railStations] = await Promise.all([
      load('districts.geojson'),
      load('stations.geojson'),
      load('subway-lines.geojson'),
      load('rail-stations.geojson'),
    ]);
    addDistricts(map, districts, p);
    await addOsmBasemap(map, base, p);
    addSubwayLines(map, subwayLines, p);
    addRailStations(map, railStations, p);
    addStations(map, stations, p);
    addDistrictLabels(map, districts, p);
    setActiveBasemap('osm');
    return;
  }
  const [roads, water, districts, stations, subwayLines, railStations, coverage, ground, streetNames] = await Promise.all([
    load('roads.geojson'),
    load('water.geojson'),
    load('districts.geojson'),
    load('stations.geojson'),
    load('subway-lines.geojson'),
    load('rail-stations.geojson'),
    load('coverage.geojson'),
    load('ground.geojson'),
    load('street-names.geojson'),
  ]);
  // Call order is drawing order, bottom first.
  addDistricts(map, districts, p);
  addCoverage(map, coverage, p);
  addGround(map, ground, p);
  addWater(map, water, p);
  addRoads(map, roads, p);
  addStreetNames(map, streetNames, p);
  addSubwayLines(map, subwayLines, p);
  addRailStations(map, railStations, p);
  addStations(map, stations, p);
  addDistrictLabels(map, districts, p);
  addGroundLabels(map, p);
  setActiveBasemap('default');
}
