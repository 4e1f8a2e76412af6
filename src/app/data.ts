import districtUrl from '../../geodata/district.geojson?url';
import mentionsUrl from '../../geodata/mentions.json?url';
import placesUrl from '../../geodata/places.geojson?url';
import projectsUrl from '../../geodata/projects.json?url';
import reportUrl from '../../geodata/report.json?url';
import subdistrictsUrl from '../../geodata/subdistricts.geojson?url';
import type { DistrictCollectionT, SubdistrictCollectionT } from '../core/geo/boundaries';
import type { Mention } from '../core/geoparse/matcher';
import { parseJsonQuick } from '../core/io/json-quick';
import { type AtlasIndex, buildIndex } from '../core/places/index';
import type { PlacesCollectionT, ProjectT } from '../core/places/model';
import type { Report } from '../core/report/model';
import { toMapCrs } from './map/providers';

export interface AtlasData {
  report: Report;
  subdistricts: SubdistrictCollectionT;
  district: DistrictCollectionT;
  places: PlacesCollectionT;
  mentions: Mention[];
  projects: ProjectT[];
  index: AtlasIndex;
}

/** The schemas, fetched beside the data (./schemas.ts says why). */
type Schemas = typeof import('./schemas');
let schemas: Promise<Schemas> | undefined;
export const loadSchemas = (): Promise<Schemas> => {
  schemas ??= import('./schemas');
  return schemas;
};

async function load<T>(url: string, name: string, parse: (text: string, file: string, s: Schemas) => Promise<T>): Promise<T> {
  const [res, s] = await Promise.all([fetch(url), loadSchemas()]);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status} when loading ${url}`);
  return parse(await res.text(), `geodata/${name}`, s);
}

/** The district outline and its 街道 in the map's CRS: all the map needs to frame and draw the district. */
export interface Boundaries {
  district: DistrictCollectionT;
  subdistricts: SubdistrictCollectionT;
}

/**
 * Starts loading the generated data and validating it with the same schemas the pipeline wrote it
 * with. The boundaries resolve on their own, as soon as their two small files are in, so the map
 * can be framed and drawn while the report and the places are still loading.
 */
export function startLoading(): { boundaries: Promise<Boundaries>; all: Promise<AtlasData> } {
  const report = load(reportUrl, 'report.json', (t, f, s) => parseJsonQuick(t, f, s.ReportSchema));
  const subdistricts = load(subdistrictsUrl, 'subdistricts.geojson', (t, f, s) => parseJsonQuick(t, f, s.SubdistrictCollection));
  const district = load(districtUrl, 'district.geojson', (t, f, s) => parseJsonQuick(t, f, s.DistrictCollection));
  const places = load(placesUrl, 'places.geojson', (t, f, s) => parseJsonQuick(t, f, s.PlacesCollection));
  const mentions = load(mentionsUrl, 'mentions.json', (t, f, s) => parseJsonQuick(t, f, s.MentionsSchema));
  const projects = load(projectsUrl, 'projects.json', (t, f, s) => parseJsonQuick(t, f, s.ProjectsSchema));
  // An online GCJ-02 basemap (AMap, Tencent) needs every overlay moved onto it; the identity otherwise.
  const boundaries = Promise.all([district, subdistricts]).then(([d, s]) => toMapCrs({ district: d, subdistricts: s }));
  const all = Promise.all([report, boundaries, places, mentions, projects]).then(async ([r, b, p, m, pr]) => {
    const geo = await toMapCrs({ places: p });
    return { report: r, ...b, places: geo.places, mentions: m, projects: pr, index: buildIndex(r, geo.places, m, pr) };
  });
  // Whoever awaits `all` sees a failure of the boundaries too; this only keeps an unawaited
  // boundaries promise from reporting the same failure a second time as unhandled.
  boundaries.catch(() => undefined);
  return { boundaries, all };
}
