import districtUrl from '../../geodata/district.geojson?url';
import reportUrl from '../../geodata/report.json?url';
import subdistrictsUrl from '../../geodata/subdistricts.geojson?url';
import { DistrictCollection, type DistrictCollectionT, SubdistrictCollection, type SubdistrictCollectionT } from '../core/geo/boundaries';
import { parseJsonWithSchema } from '../core/io/json';
import { type Report, ReportSchema } from '../core/report/model';

export interface AtlasData {
  report: Report;
  subdistricts: SubdistrictCollectionT;
  district: DistrictCollectionT;
}

async function fetchText(url: string, name: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status} when loading ${url}`);
  return res.text();
}

/** Loads the generated data and validates it with the same schemas the pipeline wrote it with. */
export async function loadData(): Promise<AtlasData> {
  const [report, subdistricts, district] = await Promise.all([
    fetchText(reportUrl, 'report.json').then((t) => parseJsonWithSchema(t, 'geodata/report.json', ReportSchema)),
    fetchText(subdistrictsUrl, 'subdistricts.geojson').then((t) =>
      parseJsonWithSchema(t, 'geodata/subdistricts.geojson', SubdistrictCollection),
    ),
    fetchText(districtUrl, 'district.geojson').then((t) => parseJsonWithSchema(t, 'geodata/district.geojson', DistrictCollection)),
  ]);
  return { report, subdistricts, district };
}
