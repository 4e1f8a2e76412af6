import type { PlaceFeatureT } from '../places/model';
import type { MarkupPlace } from './markup';

/** What the report markup needs to know of each place: its names, its group colour, whether it is drawn. */
export function markupPlacesOf(places: ReadonlyMap<string, PlaceFeatureT>): Map<string, MarkupPlace> {
  const out = new Map<string, MarkupPlace>();
  for (const [id, p] of places)
    out.set(id, {
      name: p.properties.name,
      name_en: p.properties.name_en,
      category: p.properties.category,
      mapped: p.geometry !== null || (p.properties.parts?.length ?? 0) > 0,
    });
  return out;
}
