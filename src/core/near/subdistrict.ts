import type { PlaceFeatureT, ProjectT } from '../places/model';
import type { Phase, Theme } from '../report/model';

export interface SubdistrictSummary {
  name: string;
  /** The gazetteer place for the 街道 itself (jiedao-…), when the report names it. */
  self: PlaceFeatureT | undefined;
  /** Places of the report inside the 街道 (the 街道 itself excluded). */
  places: PlaceFeatureT[];
  /** Project records (sentence, phase, theme) attached to those places or to the 街道. */
  projects: ProjectT[];
  byTheme: Array<[Theme, number]>;
  byPhase: Array<[Phase, number]>;
  /** The most-mentioned places inside, most first. */
  top: PlaceFeatureT[];
}

const count = <K extends string>(keys: K[]): Array<[K, number]> => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
};

/** What the report says inside one 街道: counts of its project sentences by theme and phase, and its top places. */
export function summariseSubdistrict(
  name: string,
  places: readonly PlaceFeatureT[],
  projects: readonly ProjectT[],
  topN = 5,
): SubdistrictSummary {
  const self = places.find((p) => p.properties.category === 'subdistrict' && p.properties.name === name);
  const inside = places.filter((p) => p.properties.subdistrict === name && p.properties.category !== 'subdistrict');
  const ids = new Set([...inside.map((p) => p.id), ...(self ? [self.id] : [])]);
  const mine = projects.filter((p) => ids.has(p.placeId));
  const top = [...inside]
    .sort((a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'))
    .slice(0, topN);
  return {
    name,
    self,
    places: inside,
    projects: mine,
    byTheme: count(mine.map((p) => p.theme)),
    byPhase: count(mine.map((p) => p.phase)),
    top,
  };
}
