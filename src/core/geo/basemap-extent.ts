import type { BBox } from './clip';

/** The default basemap covers 西城区 with a margin wide enough to show what borders it. */
export const BASEMAP_BBOX: BBox = [116.28, 39.85, 116.43, 39.99];
/** The MSR road network has nothing south of this latitude (SOURCES.md, second scout). */
export const ROAD_DATA_SOUTH_LIMIT = 39.8855;
/** Nor east of this longitude (the full source's extent; inside our box the last link ends at ~116.403). */
export const ROAD_DATA_EAST_LIMIT = 116.4093;
/** Gzip budget for all basemap files together; the app loads them all at start. */
export const BASEMAP_GZIP_BUDGET = 3 * 1024 * 1024;
