import type { Map as MlMap } from 'maplibre-gl';
import type { z } from 'zod';
import coverageUrl from '../../../../geodata/basemap/coverage.geojson?url';
import districtsUrl from '../../../../geodata/basemap/districts.geojson?url';
import railStationsUrl from '../../../../geodata/basemap/rail-stations.geojson?url';
import roadsUrl from '../../../../geodata/basemap/roads.geojson?url';
import stationsUrl from '../../../../geodata/basemap/stations.geojson?url';
import subwayLinesUrl from '../../../../geodata/basemap/subway-lines.geojson?url';
import waterUrl from '../../../../geodata/basemap/water.geojson?url';
import { BASEMAP_FILES, type BasemapFile } from '../../../core/geo/basemap';
import { parseJsonWithSchema } from '../../../core/io/json';
import { addCoverage } from './coverage';
import { addDistrictLabels, addDistricts } from './districts';
import { BASEMAP_PALETTES, type BasemapTheme } from './palette';
import { addRoads } from './roads';
import { addRailStations, addStations } from './stations';
import { addSubwayLines } from './subway-lines';
import { addWater } from './water';

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
};

async function load<F extends BasemapFile>(file: F): Promise<z.infer<(typeof BASEMAP_FILES)[F]>> {
  const res = await fetch(URLS[file]);
  if (!res.ok) throw new Error(`basemap ${file}: HTTP ${res.status} when loading ${URLS[file]}`);
  return parseJsonWithSchema(await res.text(), `geodata/basemap/${file}`, BASEMAP_FILES[file] as z.ZodType) as z.infer<
    (typeof BASEMAP_FILES)[F]
  >;
}

/**
 * Loads the default basemap (geodata/basemap/, same origin) and adds it under any layers already
 * on the map. Call it once, right after the map's 'load' event. Sets the background colour of the
 * theme on the style's 'background' layer, when there is one.
 */
export async function addBasemap(map: MlMap, theme: BasemapTheme): Promise<void> {
  const [roads, water, districts, stations, subwayLines, railStations, coverage] = await Promise.all([
    load('roads.geojson'),
    load('water.geojson'),
    load('districts.geojson'),
    load('stations.geojson'),
    load('subway-lines.geojson'),
    load('rail-stations.geojson'),
    load('coverage.geojson'),
  ]);
  const p = BASEMAP_PALETTES[theme];
  if (map.getLayer('background')) map.setPaintProperty('background', 'background-color', p.background);
  // Call order is drawing order, bottom first.
  addDistricts(map, districts, p);
  addCoverage(map, coverage, p);
  addWater(map, water, p);
  addRoads(map, roads, p);
  addSubwayLines(map, subwayLines, p);
  addRailStations(map, railStations, p);
  addStations(map, stations, p);
  addDistrictLabels(map, districts, p);
}
