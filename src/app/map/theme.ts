import type { UrlState } from '../../core/state/url';
import type { Theme } from './compose';

/**
 * The report's own layers in each theme: the light map of the main screen, and the dark,
 * high-contrast kiosk map with larger targets for a finger. Every overlay layer reads its
 * colours and sizes from here, so switching theme is a change of data, not a repaint by id.
 */
export interface OverlayLook {
  districtFill: string;
  districtFillOpacity: number;
  districtLine: string;
  subdistrictLine: string;
  subdistrictLabel: string;
  labelHalo: string;
  /** Place discs: radius, hover radius, outline of an exact point, stroke width. */
  radius: number;
  hoverRadius: number;
  exactStroke: string;
  strokeWidth: number;
  clusterFill: string;
  clusterStroke: string;
  clusterText: string;
  iconSize: number;
  labelSize: number;
  labelText: string;
  lineCasing: string;
  lineCasingHover: string;
  areaOpacity: number;
  areaOpacityHover: number;
  areaLineWidth: number;
  selection: string;
  selectionText: string;
  selectionRadius: number;
}

const light: OverlayLook = {
  districtFill: '#fbfaf6',
  districtFillOpacity: 0.45,
  districtLine: '#5b4a3a',
  subdistrictLine: '#9c8b78',
  subdistrictLabel: '#3b3128',
  labelHalo: '#fbfaf6',
  radius: 10,
  hoverRadius: 13,
  exactStroke: '#222222',
  strokeWidth: 1.5,
  clusterFill: 'rgba(59, 49, 40, 0.85)',
  clusterStroke: '#ffffff',
  clusterText: '#ffffff',
  iconSize: 12,
  labelSize: 13,
  labelText: '#2a241e',
  lineCasing: '#ffffff',
  lineCasingHover: '#3b3128',
  areaOpacity: 0.12,
  areaOpacityHover: 0.28,
  areaLineWidth: 1.5,
  selection: '#9b2226',
  selectionText: '#7a1a1e',
  selectionRadius: 17,
};

const dark: OverlayLook = {
  districtFill: '#ffffff',
  districtFillOpacity: 0.04,
  districtLine: '#ffd166',
  subdistrictLine: '#8fa3ba',
  subdistrictLabel: '#e6edf5',
  labelHalo: '#0e1217',
  radius: 14,
  hoverRadius: 17,
  exactStroke: '#ffffff',
  strokeWidth: 2,
  clusterFill: '#e6edf5',
  clusterStroke: '#0e1217',
  clusterText: '#0e1217',
  iconSize: 15,
  labelSize: 17,
  labelText: '#ffffff',
  lineCasing: '#0e1217',
  lineCasingHover: '#ffd166',
  areaOpacity: 0.22,
  areaOpacityHover: 0.4,
  areaLineWidth: 2.5,
  selection: '#ffd166',
  selectionText: '#ffd166',
  selectionRadius: 22,
};

export const OVERLAY_LOOKS: Readonly<Record<Theme, OverlayLook>> = { light, dark };

/** The kiosk draws the dark theme; every other mode the light one. */
export function themeOf(s: Pick<UrlState, 'mode'>): Theme {
  return s.mode === 'kiosk' ? 'dark' : 'light';
}
