import type { DistrictEntry } from '../../../core/gazetteer/district';
import { gazetteerYaml } from '../../../core/import/additions';
import { mappedReportGeoJson } from '../../../core/import/export';
import type { Addition, StoredReport } from '../../../core/import/model';
import type { PlaceFeatureT, PlacesCollectionT } from '../../../core/places/model';
import { el } from '../../dom';
import { mapCrs } from '../../map/providers';

function download(name: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const day = () => new Date().toISOString().slice(0, 10);

/** The planner's additions as gazetteer YAML, validated record by record (core/import/additions.ts). */
export function downloadYaml(additions: readonly Addition[]): void {
  download(`gazetteer-additions-${day()}.yaml`, gazetteerYaml(additions, new Date()), 'application/yaml');
}

/** The atlas's places in WGS-84 (they were moved into the map's CRS on loading when that is not WGS-84). */
async function placesInWgs84(places: PlacesCollectionT): Promise<ReadonlyMap<string, PlaceFeatureT>> {
  const crs = mapCrs();
  let fc = places;
  if (crs !== 'wgs84') {
    const { transformGeoJSON } = await import('../../../core/geo/crs');
    fc = transformGeoJSON(places, crs, 'wgs84', { positionProperties: ['label'] }) as PlacesCollectionT;
  }
  return new Map(fc.features.map((f) => [f.id, f]));
}

/** The report shown, mapped, as GeoJSON with the provenance of every place it names. */
export async function downloadGeoJson(
  r: StoredReport,
  places: PlacesCollectionT,
  district: readonly DistrictEntry[],
  additions: readonly Addition[],
): Promise<void> {
  const fc = mappedReportGeoJson({
    mapped: r.mapped,
    reportId: r.id,
    openedAt: r.openedAt,
    year: r.year,
    places: await placesInWgs84(places),
    district: new Map(district.map((d) => [d.id, d])),
    additions: new Map(additions.map((a) => [a.id, a])),
    generated: new Date(),
  });
  const base = r.file.replace(/\.[^.]*$/, '') || 'report';
  download(`${base}-mapped.geojson`, `${JSON.stringify(fc, null, 1)}\n`, 'application/geo+json');
}
