import districtUrl from '../../geodata/district.geojson?url';
import mentionsUrl from '../../geodata/mentions.json?url';
import placesUrl from '../../geodata/places.geojson?url';
import projectsUrl from '../../geodata/projects.json?url';
import reportUrl from '../../geodata/report.json?url';
import subdistrictsUrl from '../../geodata/subdistricts.geojson?url';
import { DistrictCollection, type DistrictCollectionT, SubdistrictCollection, type SubdistrictCollectionT } from '../core/geo/boundaries';
import type { Mention } from '../core/geoparse/matcher';
import { parseJsonWithSchema } from '../core/io/json';
import { type AtlasIndex, buildIndex } from '../core/places/index';
import { MentionsSchema, PlacesCollection, type PlacesCollectionT, ProjectsSchema, type ProjectT } from '../core/places/model';
import { type Report, ReportSchema } from '../core/report/model';
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

async function load<T>(url: string, name: string, parse: (text: string, file: string) => T): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status} when loading ${url}`);
  return parse(await res.text(), `geodata/${name}`);
}

/** Loads the generated data and validates it with the same schemas the pipeline wrote it with. */
export async function loadData(): Promise<AtlasData> {
  const [report, subdistricts, district, places, mentions, projects] = await Promise.all([
    load(reportUrl, 'report.json', (t, f) => parseJsonWithSchema(t, f, ReportSchema)),
    load(subdistrictsUrl, 'subdistricts.geojson', (t, f) => parseJsonWithSchema(t, f, SubdistrictCollection)),
    load(districtUrl, 'district.geojson', (t, f) => parseJsonWithSchema(t, f, DistrictCollection)),
    load(placesUrl, 'places.geojson', (t, f) => parseJsonWithSchema(t, f, PlacesCollection)),
    load(mentionsUrl, 'mentions.json', (t, f) => parseJsonWithSchema(t, f, MentionsSchema)),
    load(projectsUrl, 'projects.json', (t, f) => parseJsonWithSchema(t, f, ProjectsSchema)),
  ]);
  // An online GCJ-02 basemap (AMap, Tencent) needs every overlay moved onto it; the identity otherwise.
  const geo = toMapCrs({ subdistricts, district, places });
  return { report, ...geo, mentions, projects, index: buildIndex(report, geo.places, mentions, projects) };
}
