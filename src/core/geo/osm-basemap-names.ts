/** Where the app looks for the OSM street basemap, relative to the page: same origin, so the app stays offline. */
export const OSM_BASEMAP_DIR = 'basemap-osm';
export const OSM_MANIFEST_FILE = 'manifest.json';
export const OSM_BASEMAP_FORMAT = 'xicheng-atlas-osm-basemap';
/** The credit its data needs wherever it is shown (ODbL). */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';
