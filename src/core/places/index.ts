import type { Mention } from '../geoparse/matcher';
import type { Report } from '../report/model';
import type { PlaceFeatureT, PlacesCollectionT, ProjectT } from './model';

/** Lookups the app needs again and again, built once: mentions in reading order, per place and per paragraph. */
export interface AtlasIndex {
  places: Map<string, PlaceFeatureT>;
  paragraphOrder: Map<string, number>;
  mentionsByPlace: Map<string, Mention[]>;
  mentionsByParagraph: Map<string, Mention[]>;
  projectsByPlace: Map<string, ProjectT[]>;
}

export function buildIndex(report: Report, places: PlacesCollectionT, mentions: Mention[], projects: ProjectT[]): AtlasIndex {
  const paragraphOrder = new Map(report.paragraphs.map((p, i) => [p.id, i]));
  const order = (m: Mention) => (paragraphOrder.get(m.paragraphId) ?? 0) * 1e6 + m.start;
  const sorted = [...mentions].sort((a, b) => order(a) - order(b));
  const group = <T>(items: T[], key: (t: T) => string) => {
    const out = new Map<string, T[]>();
    for (const it of items) {
      const k = key(it);
      const list = out.get(k);
      if (list) list.push(it);
      else out.set(k, [it]);
    }
    return out;
  };
  return {
    places: new Map(places.features.map((f) => [f.id, f])),
    paragraphOrder,
    mentionsByPlace: group(sorted, (m) => m.placeId),
    mentionsByParagraph: group(sorted, (m) => m.paragraphId),
    projectsByPlace: group(projects, (p) => p.placeId),
  };
}
