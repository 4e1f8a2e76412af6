import { MAPPED_PRECISIONS } from '../core/gazetteer/model';
import { labelPoint } from '../core/geo/label-point';
import type { Project, RankedCandidate } from '../core/geoparse/geoparse';
import type { Mention } from '../core/geoparse/matcher';
import type { GeometryFlagT, PlaceFeatureT, PlacesCollectionT, QualityT } from '../core/places/model';
import { PHASES, type Report, THEMES } from '../core/report/model';
import { initials, syllables } from '../core/text/pinyin';
import type { ResolvedPlace } from './gazetteer';

/** Places as GeoJSON features with their mention statistics, sorted by id for stable output. */
export function buildPlaces(resolved: ResolvedPlace[], mentions: Mention[], report: Report): PlacesCollectionT {
  const paraById = new Map(report.paragraphs.map((p) => [p.id, p]));
  const features: PlaceFeatureT[] = resolved.map(
    ({ located, geometry, geometrySource, subdistrict, subdistrictDerived, derivation, shareInXicheng }) => {
      const r = located.record;
      const own = mentions.filter((m) => m.placeId === r.id || (m.via === r.id && m.placeId === r.parts?.[0]));
      const paragraphs = [...new Set(own.map((m) => m.paragraphId))];
      const paras = paragraphs.map((id) => paraById.get(id)).filter((p) => p !== undefined);
      const themes = THEMES.filter((t) => paras.some((p) => p.theme === t));
      const phases = PHASES.filter((ph) => paras.some((p) => p.phase === ph));
      const f: PlaceFeatureT = {
        type: 'Feature',
        id: r.id,
        geometry: MAPPED_PRECISIONS.has(r.precision) ? geometry : null,
        properties: {
          name: r.name,
          name_en: r.name_en,
          aliases: r.aliases,
          pinyin: syllables(r.name).join(' '),
          initials: initials(r.name),
          category: r.category,
          precision: r.precision,
          source: r.source,
          geometry_source: geometrySource,
          inXicheng: r.in_xicheng,
          mentions: own.length,
          paragraphs,
          themes,
          phases,
          gazetteer: { file: located.file, line: located.line },
        },
      };
      // Where the name goes on the map, and where a tap on the drawn shape lands: on the shape itself.
      if (f.geometry) f.properties.label = labelPoint(f.geometry).map((v) => Math.round(v * 1e6) / 1e6) as [number, number];
      const uncertainty = derivation?.uncertainty_m ?? r.uncertainty_m;
      if (uncertainty !== undefined) f.properties.uncertainty_m = uncertainty;
      if (subdistrict) f.properties.subdistrict = subdistrict;
      if (subdistrictDerived) f.properties.subdistrict_derived = subdistrictDerived;
      if (derivation) f.properties.derivation = derivation;
      if (shareInXicheng !== undefined) f.properties.share_in_xicheng = shareInXicheng;
      if (r.parts) f.properties.parts = r.parts;
      if (r.related) f.properties.related = r.related;
      return f;
    },
  );
  features.sort((a, b) => a.id.localeCompare(b.id));
  return { type: 'FeatureCollection', features };
}

export function buildQuality(
  places: PlacesCollectionT,
  mentions: Mention[],
  projects: Project[],
  candidates: RankedCandidate[],
  report: Report,
  geometryFlags: GeometryFlagT[] = [],
): QualityT {
  const count = (key: (f: PlaceFeatureT) => string) =>
    Object.fromEntries(
      [...new Set(places.features.map(key))].sort().map((k) => [k, places.features.filter((f) => key(f) === k).length] as const),
    );
  return {
    counts: {
      paragraphs: report.paragraphs.length,
      places: places.features.length,
      mapped: places.features.filter((f) => f.geometry !== null).length,
      mentions: mentions.length,
      placesMentioned: places.features.filter((f) => f.properties.mentions > 0).length,
      projects: projects.length,
      byPrecision: count((f) => f.properties.precision),
      bySourceKind: count((f) => f.properties.source.kind),
    },
    candidates,
    geometryFlags,
    neverMentioned: places.features.filter((f) => f.properties.mentions === 0).map((f) => f.id),
    estimated: places.features
      .filter((f) => f.properties.source.kind === 'estimated' && f.geometry !== null)
      .map((f) => {
        const e: QualityT['estimated'][number] = { id: f.id, name: f.properties.name, precision: f.properties.precision };
        if (f.properties.uncertainty_m !== undefined) e.uncertainty_m = f.properties.uncertainty_m;
        return e;
      }),
  };
}
