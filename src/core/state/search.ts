import type { PlacePropsT } from '../places/model';

export interface Searchable {
  id: string;
  properties: Pick<PlacePropsT, 'name' | 'name_en' | 'aliases' | 'pinyin' | 'initials' | 'mentions' | 'category'>;
}

export interface SearchHit {
  id: string;
  /** What matched, to show the user why this result is here. */
  matched: string;
  score: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s'’·-]/g, '');

/**
 * Search by Chinese name or alias (substring), full pinyin without tones (shichahai, shi cha hai),
 * pinyin initials (sch), or English (case-insensitive). Exact and prefix matches rank first, then
 * places the report mentions more often.
 */
export function searchPlaces(places: readonly Searchable[], query: string, limit = 8): SearchHit[] {
  const q = norm(query.trim());
  if (q === '') return [];
  const hits: SearchHit[] = [];
  for (const p of places) {
    const pr = p.properties;
    let best = 0;
    let matched = '';
    const consider = (text: string, base: number) => {
      const t = norm(text);
      if (t === '') return;
      let s = 0;
      if (t === q) s = base + 3;
      else if (t.startsWith(q)) s = base + 2;
      else if (q.length >= 2 && t.includes(q)) s = base + 1;
      if (s > best) {
        best = s;
        matched = text;
      }
    };
    for (const n of [pr.name, ...pr.aliases]) consider(n, 10);
    consider(pr.pinyin, 6);
    if (q.length >= 2) consider(pr.initials, 5);
    consider(pr.name_en, 4);
    if (best > 0) hits.push({ id: p.id, matched, score: best + Math.min(pr.mentions, 9) / 10 });
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
