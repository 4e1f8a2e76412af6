import type { SymbolLayerSpecification } from 'maplibre-gl';
/** The two basemap themes. Exported so the report layers can pick colours that sit well on them. */
export type BasemapTheme = 'light' | 'dark';

export interface BasemapPalette {
  background: string;
  /** Districts other than 西城, tinted so the district itself reads as the subject. */
  outsideFill: string;
  districtLine: string;
  districtLabel: string;
  roadMajor: string;
  roadMajorCasing: string;
  roadArterial: string;
  roadArterialCasing: string;
  roadLocal: string;
  water: string;
  waterLine: string;
  /** Culverted historic channels: drawn faint and dashed, never as open water. */
  coveredChannel: string;
  noDataFill: string;
  noDataLine: string;
  noDataLabel: string;
  stationFill: string;
  stationStroke: string;
  stationLabel: string;
  railFill: string;
  railStroke: string;
  labelHalo: string;
  /** Opacity of the schematic subway lines (drawn in each line's own colour). */
  subwayLineOpacity: number;
  /** The OSM street basemap only (./osm.ts): hutongs, parks, buildings, railways and labels. */
  hutong: string;
  localCasing: string;
  path: string;
  park: string;
  /** Dashed edge of a derived park (default basemap's ground layer). */
  parkLine: string;
  /** A walled compound with no public street (中南海), derived from the gap in the road network. */
  compound: string;
  compoundLine: string;
  building: string;
  buildingLine: string;
  railway: string;
  roadLabel: string;
  waterLabel: string;
  parkLabel: string;
}

/**
 * Light (default): warm, low-contrast greys, so anything the report layers draw in a saturated
 * colour stands out. Roads are lighter than the ground, as on a printed city plan.
 */
const light: BasemapPalette = {
  background: '#f4f1ea',
  outsideFill: '#ebe7de',
  districtLine: '#c4baab',
  districtLabel: '#9d9384',
  roadMajor: '#ffffff',
  roadMajorCasing: '#d9d0c2',
  roadArterial: '#fdfcf8',
  roadArterialCasing: '#e2dace',
  roadLocal: '#e4ded2',
  water: '#cddde2',
  waterLine: '#b3cbd3',
  coveredChannel: '#9fb9c2',
  noDataFill: '#e6e1d7',
  noDataLine: '#bdb3a3',
  noDataLabel: '#8f8576',
  stationFill: '#ffffff',
  stationStroke: '#7d7366',
  stationLabel: '#6b6256',
  railFill: '#ffffff',
  railStroke: '#4d453c',
  labelHalo: '#f8f6f1',
  subwayLineOpacity: 0.45,
  hutong: '#fbf3e2',
  localCasing: '#ddd5c8',
  path: '#bfb4a3',
  park: '#dfe8d2',
  parkLine: '#a9bf94',
  compound: '#e9e1d2',
  compoundLine: '#b9a98f',
  building: '#e6e0d5',
  buildingLine: '#d6cec1',
  railway: '#9b9286',
  roadLabel: '#5a5046',
  waterLabel: '#4f7b8a',
  parkLabel: '#5b7548',
};

/** Dark, high-contrast (kiosk): light strokes on near-black, every edge at least 4.5:1 on the ground. */
const dark: BasemapPalette = {
  background: '#0e1217',
  outsideFill: '#161c23',
  districtLine: '#56657a',
  districtLabel: '#9fb0c4',
  roadMajor: '#8a9bb0',
  roadMajorCasing: '#0e1217',
  roadArterial: '#5c6b7d',
  roadArterialCasing: '#0e1217',
  roadLocal: '#343f4c',
  water: '#1b4460',
  waterLine: '#3a86b5',
  coveredChannel: '#3a86b5',
  noDataFill: '#1d232b',
  noDataLine: '#6c7a8c',
  noDataLabel: '#b7c4d3',
  stationFill: '#0e1217',
  stationStroke: '#f2f5f8',
  stationLabel: '#f2f5f8',
  railFill: '#f2f5f8',
  railStroke: '#f2f5f8',
  labelHalo: '#0e1217',
  subwayLineOpacity: 0.7,
  hutong: '#4a5868',
  localCasing: '#0e1217',
  path: '#56657a',
  park: '#17291f',
  parkLine: '#4f7a5c',
  compound: '#1b2028',
  compoundLine: '#6c7a8c',
  building: '#1f2630',
  buildingLine: '#2c3542',
  railway: '#9fb0c4',
  roadLabel: '#e6ebf1',
  waterLabel: '#8cc4e6',
  parkLabel: '#a9d3a0',
};

export const BASEMAP_PALETTES: Readonly<Record<BasemapTheme, BasemapPalette>> = { light, dark };

/** The font stack every basemap label asks for; its Latin ranges are served from public/glyphs/. */
export const BASEMAP_FONT = ['Noto Sans Regular'];

/**
 * A street's name drawn along its line, the same on the default basemap (routed names) and the
 * OSM one; only the spacing between repeats differs (the OSM layer has many more, shorter streets).
 */
export function streetLabelLayout(spacing: number): NonNullable<SymbolLayerSpecification['layout']> {
  return {
    'symbol-placement': 'line',
    'text-field': ['get', 'name'],
    'text-font': BASEMAP_FONT,
    'text-size': ['interpolate', ['linear'], ['zoom'], 13, 11, 18, 14],
    'text-max-angle': 30,
    'symbol-spacing': spacing,
  };
}
