import { sentenceAt } from '../report/sentences';
import type { MappedReport } from './model';

export interface MentionIn {
  paragraphId: string;
  start: number;
  end: number;
  /** The sentence, split around the name: before, the name, after. */
  quote: [string, string, string];
}

export interface ReportMentions {
  reportId: string;
  year: number | null;
  title: string;
  file: string;
  mentions: MentionIn[];
}

/**
 * Where a place is named in each opened report, by year (oldest first; reports of unknown year
 * last): what a place card lists beside the bundled report's own mentions. A compound's mention
 * counts for the compound and for each of its parts, as in the report panel.
 */
export function mentionsAcross(
  reports: ReadonlyArray<{ id: string; year: number | null; mapped: MappedReport }>,
  placeId: string,
): ReportMentions[] {
  const out: ReportMentions[] = [];
  for (const r of reports) {
    const seen = new Set<string>();
    const mentions: MentionIn[] = [];
    for (const m of r.mapped.mentions) {
      if (m.placeId !== placeId && m.via !== placeId) continue;
      const key = `${m.paragraphId}:${m.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = sentenceAt(r.mapped.report, m.paragraphId, m.start);
      const p = r.mapped.report.paragraphs.find((x) => x.id === m.paragraphId);
      if (!s || !p) continue;
      mentions.push({
        paragraphId: m.paragraphId,
        start: m.start,
        end: m.end,
        quote: [p.text.slice(s.start, m.start), p.text.slice(m.start, m.end), p.text.slice(m.end, s.end)],
      });
    }
    if (mentions.length) out.push({ reportId: r.id, year: r.year, title: r.mapped.report.title, file: r.mapped.file, mentions });
  }
  return out.sort((a, b) => (a.year ?? 1e9) - (b.year ?? 1e9) || a.title.localeCompare(b.title, 'zh'));
}
