import type { DistrictEntry } from './district';
import type { Category } from './model';

/**
 * What the app needs to show a district-gazetteer entry (its kind's category, label, anchor), apart
 * from the schema, so the search box carries none of the validation code until the file is loaded.
 */
export const DISTRICT_KINDS = ['subdistrict', 'community', 'subway-station', 'rail-station', 'subway-line', 'street'] as const;
export type DistrictKind = (typeof DISTRICT_KINDS)[number];

/** The category whose icon and label search shows for an entry of this kind. */
export const KIND_CATEGORY: Record<DistrictKind, Category> = {
  subdistrict: 'subdistrict',
  community: 'area',
  'subway-station': 'transport',
  'rail-station': 'transport',
  'subway-line': 'transport',
  street: 'road',
};

export const KIND_LABELS: Record<DistrictKind, { zh: string; en: string }> = {
  subdistrict: { zh: '街道', en: 'Subdistrict' },
  community: { zh: '社区', en: 'Community' },
  'subway-station': { zh: '地铁站', en: 'Subway station' },
  'rail-station': { zh: '火车站', en: 'Railway station' },
  'subway-line': { zh: '地铁线路', en: 'Subway line' },
  street: { zh: '街巷', en: 'Street' },
};

/** A point to fly to and mark: the point itself, or the middle vertex of a line. */
export function anchorOf(e: DistrictEntry): [number, number] {
  const g = e.geometry;
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const line = g.type === 'LineString' ? g.coordinates : (g.coordinates.reduce((a, b) => (b.length > a.length ? b : a)) ?? []);
  const mid = line[Math.floor(line.length / 2)] ?? [0, 0];
  return [mid[0] as number, mid[1] as number];
}

/** What the entry is, in one line for a search result or a notice: 社区 · 展览路街道 (placed at its 街道). */
export function describeEntry(e: DistrictEntry, lang: 'zh' | 'en'): string {
  const kind = KIND_LABELS[e.kind][lang];
  const parts = [kind];
  if (e.lines?.length)
    parts.push(lang === 'zh' ? e.lines.map((l) => (/^\d+$/.test(l) ? `${l}号线` : l)).join(' ') : `lines ${e.lines.join(', ')}`);
  if (e.subdistrict && e.kind !== 'subdistrict') parts.push(e.subdistrict);
  if (e.precision === 'subdistrict') parts.push(lang === 'zh' ? '位置取所在街道' : 'shown at its subdistrict');
  return parts.join(' · ');
}
