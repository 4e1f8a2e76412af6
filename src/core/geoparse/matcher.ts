export interface Mention {
  placeId: string;
  paragraphId: string;
  /** Offsets into the paragraph text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
  /** Set when the mention is part of a compound name (三金海 → 三里河地区, 金融街, 中南海). */
  via?: string | undefined;
}

export interface MatcherEntry {
  text: string;
  /** The place(s) this text names; empty for a blocked word (过街天桥) that consumes its span. */
  placeIds: string[];
  via?: string | undefined;
  /** An entry of the district-wide gazetteer rather than a place of the report: at equal length a
   * report place wins (天桥 the area, not 天桥站), and its mentions are kept apart. */
  district?: boolean;
}

/**
 * Longest-match dictionary matcher. At each position the longest entry wins, so 北京坊 is never
 * read as 北京, 天桥艺术中心 never as 天桥, and 西城园 never as 西城. Blocked words take part
 * in the longest match but yield nothing. Titles of works in 《》 are skipped: 《北京法源寺》
 * is a play, not the temple.
 */
export class Matcher {
  private readonly byFirst = new Map<string, MatcherEntry[]>();

  constructor(entries: MatcherEntry[]) {
    for (const e of entries) {
      if (e.text.length === 0) continue;
      const k = e.text[0] as string;
      const list = this.byFirst.get(k) ?? [];
      list.push(e);
      this.byFirst.set(k, list);
    }
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.text.length - a.text.length || Number(!!a.district) - Number(!!b.district) || a.text.localeCompare(b.text));
  }

  find(text: string, paragraphId: string): Mention[] {
    return this.findAll(text, paragraphId).filter((m) => !m.district);
  }

  /** Every mention, those of district-gazetteer entries marked `district: true`. */
  findAll(text: string, paragraphId: string): Array<Mention & { district?: true }> {
    const out: Array<Mention & { district?: true }> = [];
    let i = 0;
    let titleDepth = 0;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '《') titleDepth++;
      if (ch === '》' && titleDepth > 0) titleDepth--;
      if (titleDepth > 0) {
        i++;
        continue;
      }
      const hit = this.byFirst.get(ch)?.find((e) => text.startsWith(e.text, i));
      if (!hit) {
        i++;
        continue;
      }
      for (const placeId of hit.placeIds) {
        const m: Mention & { district?: true } = { placeId, paragraphId, start: i, end: i + hit.text.length, text: hit.text };
        if (hit.via) m.via = hit.via;
        if (hit.district) m.district = true;
        out.push(m);
      }
      i += hit.text.length;
    }
    return out;
  }
}
