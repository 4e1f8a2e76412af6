import { licenceOf, ODBL, placeIdentity, quotesOf } from '../analysis/export';
import type { DistrictEntry } from '../gazetteer/district';
import type { PlaceFeatureT } from '../places/model';
import type { Addition, MappedReport } from './model';

export interface MappedExportInput {
  mapped: MappedReport;
  /** The opened report: its local id (a hash of its text), when it was opened, the year used. */
  reportId: string;
  openedAt: string;
  year: number | null;
  /** The project's places, WGS-84 (as in geodata/places.geojson). */
  places: ReadonlyMap<string, PlaceFeatureT>;
  district: ReadonlyMap<string, DistrictEntry>;
  additions: ReadonlyMap<string, Addition>;
  generated: Date;
}

type Props = Record<string, unknown>;

/**
 * The mapped report as one GeoJSON FeatureCollection: every place it names, each once, with its
 * provenance — where the text names it (paragraph ids and the sentences quoted), what kind of
 * record placed it (the project's gazetteer, the district gazetteer, or a planner's tap), how
 * precise that is and under what licence. Places named but with no site (a programme, the whole
 * district) are kept with a null geometry, so the export lists all the report names.
 */
export function mappedReportGeoJson(x: MappedExportInput): {
  type: 'FeatureCollection';
  metadata: Props;
  features: Array<{ type: 'Feature'; id: string; geometry: unknown; properties: Props }>;
} {
  const paragraphs = new Map(x.mapped.report.paragraphs.map((p) => [p.id, p]));
  const all = [...x.mapped.mentions, ...x.mapped.districtMentions];
  const ids = [...new Set(all.map((m) => m.via ?? m.placeId))];
  const named = (id: string) => {
    const own = all.filter((m) => m.placeId === id || m.via === id);
    return { mentions: own.length, paragraphs: [...new Set(own.map((m) => m.paragraphId))], quotes: quotesOf(id, all, paragraphs) };
  };
  const features: Array<{ type: 'Feature'; id: string; geometry: unknown; properties: Props }> = [];
  for (const id of ids) {
    const a = x.additions.get(id);
    const p = x.places.get(id);
    const d = x.district.get(id);
    if (a) {
      features.push({
        type: 'Feature',
        id,
        geometry: a.geometry,
        properties: {
          kind: 'placed-by-user',
          id,
          name: a.name,
          name_en: a.name_en,
          category: a.category,
          precision: 'placed-by-user',
          uncertainty_m: a.uncertainty_m,
          in_xicheng: a.in_xicheng,
          subdistrict: a.subdistrict,
          ...named(id),
          source: `tapped on the map at zoom ${a.zoom} on ${a.placedAt} (report ${a.from.file})`,
          licence: 'position placed by a user of this copy of the atlas',
        },
      });
    } else if (p) {
      const pr = p.properties;
      features.push({
        type: 'Feature',
        id,
        geometry: p.geometry,
        properties: {
          kind: 'gazetteer',
          id,
          ...placeIdentity(pr),
          subdistrict_derived: pr.subdistrict_derived,
          ...named(id),
          source: `${pr.source.kind}: ${pr.source.ref}`,
          geometry_source: pr.geometry_source,
          gazetteer: `${pr.gazetteer.file}:${pr.gazetteer.line}`,
          licence: licenceOf(p),
        },
      });
    } else if (d) {
      features.push({
        type: 'Feature',
        id,
        geometry: d.geometry,
        properties: {
          kind: 'district-gazetteer',
          id,
          name: d.name,
          name_en: d.name_en,
          category: d.kind,
          precision: d.precision,
          uncertainty_m: d.uncertainty_m,
          in_xicheng: true,
          subdistrict: d.subdistrict,
          ...named(id),
          source: `${d.source.kind}: ${d.source.ref}`,
          gazetteer: 'geodata/district-gazetteer.json',
          licence: /osm/i.test(d.source.ref) ? ODBL : `see geodata/district-gazetteer.json sources (${d.source.ref})`,
        },
      });
    }
  }
  const r = x.mapped.report;
  return {
    type: 'FeatureCollection',
    metadata: {
      title: r.title,
      report: { file: x.mapped.file, id: x.reportId, year: x.year, opened: x.openedAt, origin: r.source.origin, date: r.source.date },
      paragraphs: r.paragraphs.length,
      generated: x.generated.toISOString(),
      generator: '西城报告地图 · Xicheng Report Atlas: report opened in the browser, geoparsed with the project gazetteer',
      gazetteers: ['geodata/places.geojson', 'geodata/district-gazetteer.json', 'places placed by a user (precision placed-by-user)'],
      unplaced_candidates: x.mapped.candidates.filter((c) => !features.some((f) => f.properties.name === c.name)).map((c) => c.name),
      licence: `Geometry from OSM-derived files: ${ODBL}. See each feature's licence field.`,
    },
    features,
  };
}
