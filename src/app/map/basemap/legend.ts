import { ROAD_DATA_EAST_LIMIT, ROAD_DATA_SOUTH_LIMIT } from '../../../core/geo/basemap-extent';
import { activeBasemap, type BasemapKind } from './active';
import { BASEMAP_PALETTES, type BasemapTheme } from './palette';

export interface LegendEntry {
  id: string;
  kind: 'fill' | 'line' | 'dashed-line' | 'circle' | 'note';
  label_zh: string;
  label_en: string;
  /** CSS colour of the swatch; for subway lines, a neutral stand-in (each line has its own colour). */
  swatch: string;
}

/**
 * Legend entries for the basemap in a theme; plain strings, to be rendered as text. Without a
 * kind, it describes the basemap the map drew (the default until the map has loaded).
 */
export function basemapLegend(theme: BasemapTheme, kind: BasemapKind = activeBasemap()): LegendEntry[] {
  const p = BASEMAP_PALETTES[theme];
  if (kind === 'osm') return osmLegend(theme);
  // An online provider's map carries its own symbols; only the report's layers need explaining.
  if (kind === 'provider') return [];
  return [
    { id: 'roads-major', kind: 'line', label_zh: '环路、快速路', label_en: 'Ring roads and expressways', swatch: p.roadMajorCasing },
    { id: 'roads-arterial', kind: 'line', label_zh: '主干道', label_en: 'Arterial roads', swatch: p.roadArterialCasing },
    { id: 'roads-local', kind: 'line', label_zh: '街巷、胡同', label_en: 'Local streets and hutongs', swatch: p.roadLocal },
    { id: 'water', kind: 'fill', label_zh: '水面、河道', label_en: 'Water and open channels', swatch: p.water },
    {
      id: 'ground-lake',
      kind: 'fill',
      label_zh: '湖面（由环湖道路推得，虚线边）',
      label_en: 'Lake, derived from the lakeside roads (dashed edge)',
      swatch: p.water,
    },
    {
      id: 'ground-park',
      kind: 'fill',
      label_zh: '公园（由道路或河岸推得，虚线边）',
      label_en: 'Park, derived from streets or a moat bank (dashed edge)',
      swatch: p.park,
    },
    {
      id: 'ground-compound',
      kind: 'fill',
      label_zh: '中南海（道路网空白处推得）',
      label_en: 'Zhongnanhai compound, derived from the gap in the road network',
      swatch: p.compound,
    },
    {
      id: 'street-names',
      kind: 'note',
      label_zh: '街道名称：按引用的起止点沿路网推得',
      label_en: 'Street names: routed on the network between cited end points',
      swatch: p.roadLabel,
    },
    {
      id: 'water-covered',
      kind: 'dashed-line',
      label_zh: '已覆盖的历史河道（暗沟）',
      label_en: 'Covered historic channel (culvert)',
      swatch: p.coveredChannel,
    },
    {
      id: 'subway-lines',
      kind: 'dashed-line',
      label_zh: '地铁线路（示意，站间直线）',
      label_en: 'Subway lines (schematic: straight between stations)',
      swatch: p.stationStroke,
    },
    {
      id: 'stations',
      kind: 'circle',
      label_zh: '地铁站（2026 年线网）',
      label_en: 'Subway station (network as of 2026)',
      swatch: p.stationStroke,
    },
    { id: 'rail-stations', kind: 'circle', label_zh: '铁路车站', label_en: 'Railway station', swatch: p.railStroke },
    { id: 'districts', kind: 'fill', label_zh: '相邻区', label_en: 'Neighbouring districts', swatch: p.outsideFill },
    {
      id: 'no-road-data-south',
      kind: 'note',
      label_zh: `道路数据未覆盖 ${ROAD_DATA_SOUTH_LIMIT}°N 以南`,
      label_en: `no road data south of ${ROAD_DATA_SOUTH_LIMIT}°N`,
      swatch: p.noDataFill,
    },
    {
      id: 'no-road-data-east',
      kind: 'note',
      label_zh: `道路数据未覆盖 ${ROAD_DATA_EAST_LIMIT}°E 以东`,
      label_en: `no road data east of ${ROAD_DATA_EAST_LIMIT}°E`,
      swatch: p.noDataFill,
    },
  ];
}

/** The OSM street basemap (./osm.ts): every street, named, and what the default leaves out. */
function osmLegend(theme: BasemapTheme): LegendEntry[] {
  const p = BASEMAP_PALETTES[theme];
  const keep = new Set(['subway-lines', 'stations', 'rail-stations', 'districts']);
  return [
    { id: 'roads-major', kind: 'line', label_zh: '快速路、主干道', label_en: 'Expressways and main roads', swatch: p.roadArterialCasing },
    { id: 'roads-local', kind: 'line', label_zh: '街巷', label_en: 'Local streets', swatch: p.localCasing },
    { id: 'hutongs', kind: 'line', label_zh: '胡同', label_en: 'Hutongs', swatch: p.hutong },
    { id: 'water', kind: 'fill', label_zh: '水面、河道', label_en: 'Water and open channels', swatch: p.water },
    { id: 'parks', kind: 'fill', label_zh: '公园、绿地', label_en: 'Parks and green space', swatch: p.park },
    { id: 'buildings', kind: 'fill', label_zh: '建筑', label_en: 'Buildings', swatch: p.building },
    { id: 'railways', kind: 'dashed-line', label_zh: '铁路', label_en: 'Railways', swatch: p.railway },
    ...basemapLegend(theme, 'default').filter((e) => keep.has(e.id)),
  ];
}

export const BASEMAP_LEGEND: readonly LegendEntry[] = basemapLegend('light', 'default');

export interface Attribution {
  covers: string;
  text: string;
  licence: string;
  url: string | null;
}

/** Credits for every basemap source, in the wording SOURCES.md asks for. */
export const BASEMAP_ATTRIBUTION: readonly Attribution[] = [
  {
    covers: 'water, subway stations and lines, railway stations',
    text: '© OpenStreetMap contributors',
    licence: 'ODbL 1.0',
    url: 'https://www.openstreetmap.org/copyright',
  },
  {
    covers: 'roads',
    text: 'Beijing road network (Microsoft Research T-Drive era), via AN-Xiang-yu/Beijing_traffic_analysis_ver2',
    licence: 'licence not stated by the source; used for internal base-map work',
    url: null,
  },
  {
    covers: 'district outlines',
    text: '行政区划 © 高德地图 DataV (AMap DataV), converted GCJ-02 → WGS-84',
    licence: 'no licence stated; AMap DataV terms apply',
    url: null,
  },
];
