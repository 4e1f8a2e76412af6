import { InputError } from '../errors';
import { type SourceLine, stripChrome } from './chrome';
import { extractFacts } from './facts';
import { type Paragraph, type Part, type Phase, type Report, ReportSchema, type Section, type Theme } from './model';
import { ENDS_WITH_TERMINAL, splitSentences } from './sentences';
import { classifyTheme, phaseOfPartHeading } from './themes';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一…九十九 as written in headings (十一, 二十, 二十三). */
export function chineseNumber(s: string): number | undefined {
  if (s.length === 1) return CN_DIGITS[s];
  const m = s.match(/^([二三四五六七八九])?十([一二三四五六七八九])?$/);
  if (!m) return undefined;
  return (m[1] ? (CN_DIGITS[m[1]] as number) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] as number) : 0);
}

const PART_RE = /^([一二三四五六七八九十]{1,3})、(.+)$/;
const SECTION_RE = /^[((]([一二三四五六七八九十]{1,3})[))](.+)$/;
const ITEM_RE = /^([一二三四五六七八九十]{1,3})是/;
/** A short first sentence that the rest of the paragraph elaborates (实施功能优化提升工程。). */
const LEAD_MAX = 14;

function firstSentence(text: string): { text: string; end: number } {
  const s = splitSentences(text)[0] ?? { start: 0, end: text.length };
  return { text: text.slice(s.start, s.end).replace(/[。!?!?]$/, ''), end: s.end };
}

export interface ParseOptions {
  /** The file name used in error messages and recorded in the output. */
  file: string;
}

/**
 * Parses a district government work report (text copied from a web page) into parts, numbered
 * sections, items, paragraphs and sentences with their quantitative facts. Anything that does
 * not fit the conventions stops the parse with an InputError naming the line, so a broken file
 * can never turn into a silently wrong report.json.
 */
export function parseReport(text: string, opts: ParseOptions): Report {
  const { file } = opts;
  const stripped = stripChrome(text);
  const body = stripped.body;
  if (body.length === 0) throw new InputError('no report text found (the file is empty or only page chrome)', { file, line: 1 });

  const parts: Part[] = [];
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  let part: Part | undefined;
  let section: Section | undefined;
  let expectItem = 1;
  const counters = new Map<string, number>();
  const paragraphsInPart = new Map<number, number>();

  const openParagraph = (l: SourceLine, sec: Section | undefined, headingExtra: string[], item?: number) => {
    const partNo = part?.number ?? 0;
    const secNo = sec?.number ?? 0;
    const key = `${partNo}-${secNo}`;
    const index = (counters.get(key) ?? 0) + 1;
    counters.set(key, index);
    paragraphsInPart.set(partNo, (paragraphsInPart.get(partNo) ?? 0) + 1);
    const lead = firstSentence(l.text);
    const sentences = splitSentences(l.text).map((s) => ({ ...s, facts: extractFacts(l.text, s.start, s.end) }));
    let theme: Theme = sec?.theme ?? 'overview';
    // Outside a numbered section only a lead heading (实施…工程) or a "we did X" opening
    // (五年来,我们…建设法治政府) names a theme; other framing paragraphs are overviews.
    if (!sec) {
      const cue = headingExtra[0] ?? (/我们/.test(lead.text) && part ? lead.text : '');
      theme = classifyTheme(cue) ?? 'overview';
    }
    const phase: Phase = part?.phase ?? 'preamble';
    const headingPath = [part?.heading, sec?.heading, ...headingExtra].filter((h): h is string => !!h);
    const p: Paragraph = {
      id: `p${partNo}-${secNo}-${index}`,
      part: partNo,
      section: secNo,
      index,
      line: l.line,
      headingPath,
      phase,
      theme,
      text: l.text,
      sentences,
    };
    if (item !== undefined) p.item = item;
    paragraphs.push(p);
  };

  for (const l of body) {
    const partM = l.text.match(PART_RE);
    if (partM && !/[。!?]/.test(l.text) && l.text.length <= 40) {
      part = nextPart(file, l, chineseNumber(partM[1] as string), part, paragraphsInPart);
      parts.push(part);
      section = undefined;
      expectItem = 1;
      continue;
    }
    const secM = l.text.match(SECTION_RE);
    if (secM) {
      if (!part)
        throw new InputError(`numbered section "${l.text.slice(0, 20)}…" comes before any part heading (一、…)`, { file, line: l.line });
      const n = chineseNumber(secM[1] as string);
      const prev = [...sections].reverse().find((s) => s.part === part?.number);
      const expected = (prev?.number ?? 0) + 1;
      if (n !== expected)
        throw new InputError(`section (${secM[1]}) is number ${n}, expected ${expected}: a section is missing or out of order`, {
          file,
          line: l.line,
        });
      const lead = firstSentence(l.text);
      const inline = lead.end < l.text.length;
      const heading = inline ? lead.text : l.text;
      const theme = classifyTheme(heading);
      if (!theme) throw new InputError(`cannot tell the theme of section heading "${heading}"`, { file, line: l.line });
      const sec: Section = { id: `p${part.number}-${n}`, part: part.number, number: n, heading, theme, inline, line: l.line };
      sections.push(sec);
      expectItem = 1;
      if (inline) {
        // Part 一 style: the heading is the first sentence of a paragraph that is the whole section.
        openParagraph(l, sec, []);
        section = undefined;
      } else {
        section = sec;
      }
      continue;
    }
    // An address to the delegates closes whatever numbered section came before it.
    if (/^各位代表/.test(l.text)) section = undefined;
    const itemM = l.text.match(ITEM_RE);
    if (itemM) {
      const n = chineseNumber(itemM[1] as string) as number;
      if (n !== expectItem)
        throw new InputError(
          `item "${itemM[0]}" is number ${n}, expected ${expectItem}: ${n === 1 ? 'the numbered section heading before it is missing' : 'an item is missing or out of order'}`,
          { file, line: l.line },
        );
      expectItem++;
      openParagraph(l, section, [firstSentence(l.text).text], n);
      continue;
    }
    const lead = firstSentence(l.text);
    const hasLead = lead.end < l.text.length && lead.text.length <= LEAD_MAX && /[。]$/.test(l.text.slice(0, lead.end));
    openParagraph(l, section, hasLead ? [lead.text] : []);
  }

  checkComplete(file, body[0]?.line ?? 1, parts, sections, paragraphs, paragraphsInPart);

  const report: Report = {
    schemaVersion: 1,
    title: stripped.title ?? '',
    source: {
      file,
      chrome: stripped.chrome,
      ...(stripped.origin ? { origin: stripped.origin } : {}),
      ...(stripped.date ? { date: stripped.date } : {}),
    },
    parts,
    sections,
    paragraphs,
  };
  return ReportSchema.parse(report);
}

/** After the last line: every part and section has text, and the report does not end mid-sentence. */
function checkComplete(
  file: string,
  firstLine: number,
  parts: readonly Part[],
  sections: readonly Section[],
  paragraphs: readonly Paragraph[],
  paragraphsInPart: ReadonlyMap<number, number>,
): void {
  if (parts.length === 0)
    throw new InputError('no part headings (一、… 二、…) found: this does not look like a government work report', {
      file,
      line: firstLine,
    });
  for (const s of sections) {
    if (!s.inline && !paragraphs.some((p) => p.part === s.part && p.section === s.number))
      throw new InputError(`section "${s.heading}" has no paragraphs (is the file truncated?)`, { file, line: s.line });
  }
  const lastPart = parts[parts.length - 1] as Part;
  if (!paragraphsInPart.get(lastPart.number))
    throw new InputError(`part "${lastPart.heading}" has no text (is the file truncated?)`, { file, line: lastPart.line });
  const last = paragraphs[paragraphs.length - 1] as Paragraph;
  if (!ENDS_WITH_TERMINAL.test(last.text))
    throw new InputError(`the last paragraph ends mid-sentence ("…${last.text.slice(-12)}"): the file looks truncated`, {
      file,
      line: last.line,
    });
}

/** The part a part heading opens, checked: numbered next, the part before it not empty, its time frame known. */
function nextPart(
  file: string,
  l: SourceLine,
  n: number | undefined,
  prev: Part | undefined,
  paragraphsInPart: ReadonlyMap<number, number>,
): Part {
  const expected = (prev?.number ?? 0) + 1;
  if (n !== expected)
    throw new InputError(`part heading "${l.text}" is number ${n}, expected ${expected}: a part is missing or out of order`, {
      file,
      line: l.line,
    });
  if (prev && !paragraphsInPart.get(prev.number))
    throw new InputError(`part "${prev.heading}" has no text before the next part`, { file, line: prev.line });
  const phase = phaseOfPartHeading(l.text);
  if (!phase)
    throw new InputError(
      `cannot tell the time frame of part heading "${l.text}" (expected 回顾/过去, 未来N年/今后N年, or a year such as 2017年)`,
      { file, line: l.line },
    );
  return { id: `p${n}`, number: n, heading: l.text, phase, line: l.line };
}
