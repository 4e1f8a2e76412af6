import type { Category } from '../gazetteer/model';
import type { Phase, Report, Theme } from '../report/model';
import { actionFor } from './actions';
import { type Candidate, type CandidateOptions, proposeCandidates } from './candidates';
import { Matcher, type MatcherEntry, type Mention } from './matcher';

export interface ParsablePlace {
  id: string;
  name: string;
  aliases: string[];
  parts?: string[] | undefined;
  /** Whether the place is drawn on the map (projects are made only for those). */
  mapped: boolean;
}

export interface Project {
  id: string;
  placeId: string;
  paragraphId: string;
  sentence: { start: number; end: number };
  quote: string;
  mention: { start: number; end: number };
  action?: string;
  phase: Phase;
  theme: Theme;
  facts: Report['paragraphs'][number]['sentences'][number]['facts'];
}

export interface GeoparseResult {
  mentions: Mention[];
  /** Mentions of district-gazetteer entries (communities, stations, lines…) that are not report places. */
  districtMentions: Mention[];
  projects: Project[];
  candidates: Candidate[];
}

/** An entry of the district-wide gazetteer, as the geoparser links it. */
export interface LinkableEntry {
  id: string;
  name: string;
  aliases: string[];
  /** The report place that is the same thing: its names then link to that place. */
  placeId?: string | undefined;
}

export function buildMatcher(places: ParsablePlace[], notPlaces: string[], district: LinkableEntry[] = []): Matcher {
  const entries: MatcherEntry[] = [];
  const known = new Set<string>();
  for (const p of places) {
    for (const text of new Set([p.name, ...p.aliases])) {
      entries.push(p.parts ? { text, placeIds: p.parts, via: p.id } : { text, placeIds: [p.id] });
      known.add(text);
    }
  }
  for (const text of notPlaces) entries.push({ text, placeIds: [] });
  const reportIds = new Set(places.map((p) => p.id));
  for (const d of district) {
    for (const text of new Set([d.name, ...d.aliases])) {
      if (known.has(text)) continue; // a report place of that name is what the report means
      if (d.placeId && reportIds.has(d.placeId)) entries.push({ text, placeIds: [d.placeId] });
      else entries.push({ text, placeIds: [d.id], district: true });
    }
  }
  return new Matcher(entries);
}

/**
 * Finds every mention of a gazetteer place in the report, turns each mention of a mapped place
 * into a project record (the sentence, its action verb, its figures, phase and theme), and
 * proposes candidate names that the gazetteer lacks. Pure: the same input gives the same output.
 */
export function geoparse(
  report: Report,
  places: ParsablePlace[],
  notPlaces: string[],
  onParagraph?: (done: number) => void,
  district: LinkableEntry[] = [],
  candidateOptions: CandidateOptions = {},
): GeoparseResult {
  const matcher = buildMatcher(places, notPlaces, district);
  const nameOf = new Map<string, string>([...district.map((d) => [d.id, d.name] as const), ...places.map((p) => [p.id, p.name] as const)]);
  const mapped = new Set(places.filter((p) => p.mapped).map((p) => p.id));
  const mentions: Mention[] = [];
  const districtMentions: Mention[] = [];
  const projects: Project[] = [];
  const candidates: Candidate[] = [];
  report.paragraphs.forEach((p, i) => {
    const all = matcher.findAll(p.text, p.id);
    const found: Mention[] = [];
    for (const { district: isDistrict, ...m } of all) (isDistrict ? districtMentions : found).push(m);
    mentions.push(...found);
    const perPlace = new Map<string, number>();
    for (const m of found) {
      if (!mapped.has(m.placeId)) continue;
      const s = p.sentences.find((x) => m.start >= x.start && m.start < x.end);
      if (!s) continue;
      const n = (perPlace.get(m.placeId) ?? 0) + 1;
      perPlace.set(m.placeId, n);
      const project: Project = {
        id: `${p.id}/${m.placeId}${n > 1 ? `/${n}` : ''}`,
        placeId: m.placeId,
        paragraphId: p.id,
        sentence: { start: s.start, end: s.end },
        quote: p.text.slice(s.start, s.end),
        mention: { start: m.start, end: m.end },
        phase: p.phase,
        theme: p.theme,
        facts: s.facts,
      };
      const action = actionFor(p.text, s, m);
      if (action) project.action = action;
      projects.push(project);
    }
    const covered = all.map((m) => ({ start: m.start, end: m.end, name: nameOf.get(m.via ?? m.placeId) }));
    for (const c of proposeCandidates(p.text, p.id, covered, candidateOptions)) {
      const s = p.sentences.find((x) => c.start >= x.start && c.start < x.end);
      candidates.push(s ? { ...c, sentence: p.text.slice(s.start, s.end) } : c);
    }
    onParagraph?.(i + 1);
  });
  return { mentions, districtMentions, projects, candidates };
}

export interface RankedCandidate {
  name: string;
  count: number;
  paragraphs: string[];
  score: number;
  /** The category its suffix suggests, for the curator's gazetteer record. */
  category: Category;
  /** Up to three sentences it occurs in, so a curator can judge it without opening the report. */
  sentences: string[];
}

/**
 * Groups proposals by name and keeps those that look like names: a segmenter tags part of them as
 * a place or proper name (isNamed), or they end in a strong suffix (故居, 会馆, 寺…) after a
 * non-generic head. Named ones rank higher, then by frequency.
 */
export function rankCandidates(candidates: Candidate[], isNamed: (name: string) => boolean = () => false): RankedCandidate[] {
  const by = new Map<string, { count: number; paragraphs: Set<string>; strong: boolean; category: Category; sentences: Set<string> }>();
  for (const c of candidates) {
    const e = by.get(c.name) ?? {
      count: 0,
      paragraphs: new Set<string>(),
      strong: false,
      category: c.category,
      sentences: new Set<string>(),
    };
    e.count++;
    e.paragraphs.add(c.paragraphId);
    e.strong ||= c.strong;
    if (c.sentence && e.sentences.size < 3) e.sentences.add(c.sentence);
    by.set(c.name, e);
  }
  return [...by.entries()]
    .map(([name, e]) => ({ name, e, named: isNamed(name) }))
    .filter(({ e, named }) => named || e.strong)
    .map(({ name, e, named }) => ({
      name,
      count: e.count,
      paragraphs: [...e.paragraphs],
      score: e.count + (e.strong ? 2 : 0) + (named ? 3 : 0),
      category: e.category,
      sentences: [...e.sentences],
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
