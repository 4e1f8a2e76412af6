/**
 * Every schema the app validates its data files with, in one module the app loads beside the data
 * (dynamic import, started with the first fetches): the validation library is then not part of
 * the JavaScript that must run before the first paint, and the files are still checked, with the
 * same schemas the pipeline wrote them with, before anything is drawn.
 */
export { BASEMAP_FILES } from '../core/geo/basemap';
export { DistrictCollection, SubdistrictCollection } from '../core/geo/boundaries';
export { OSM_BASEMAP_FILES, OsmManifest } from '../core/geo/osm-basemap';
export { MentionsSchema, PlacesCollection, ProjectsSchema } from '../core/places/model';
export { ReportSchema } from '../core/report/model';
