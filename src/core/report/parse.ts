import { InputError } from '../errors';
import { type SourceLine, type Stripped, stripChrome, stripChromeLines } from './chrome';
import { extractFacts } from './facts';
import { isStandalone, isUnnumberedHeading, itemNumber, type LevelPlan, numberedHeading, planLevels } from './headings';
import { htmlToLines, looksLikeHtml } from './html';
import { type Paragraph, type ParseWarning, type Part, type Phase, type Report, ReportSchema, type Section, type Theme } from './model';
import { ENDS_WITH_TERMINAL, splitSentences } from './sentences';
import { classifySectionTheme, classifyText, classifyTheme, phaseOfPartHeading } from './themes';

export { chineseNumber } from './headings';

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

export interface ParseResult {
  report: Report;
  /** Structure that was not recognised, by line (also kept in report.warnings). */
  warnings: ParseWarning[];
}

/**
 * Parses a district government work report — the text copied from a web page, or the HTML of the
 * saved page — into parts, numbered sections, items, paragraphs and sentences with their
 * quantitative facts. Pure (no DOM, no Node): it runs in the pipeline and in a Web Worker.
 *
 * Any year's conventions are read: parts headed 一、 or 第一部分 and named by a time frame (过去五年,
 * 今年, 2019年重点工作…), sections under them whatever their wording, items (一是, 1.), lead
 * headings. Text without structure (a news article, an excerpt) becomes plain paragraphs with phase
 * "unknown". What cannot be recognised is a warning naming its line, never a refusal; only text
 * that is not a report at all (empty, no Chinese) is an InputError.
 */
export function readReport(text: string, opts: ParseOptions): ParseResult {
  if (looksLikeHtml(text)) {
    const html = htmlToLines(text);
    const cut = html.titleLine ?? 0;
    const stripped = stripChromeLines(html.lines.filter((l) => l.line > cut));
    stripped.chrome.unshift(...html.lines.filter((l) => l.line <= cut));
    if (html.title) stripped.title = html.title;
    return parseStripped(stripped, opts);
  }
  return parseStripped(titleFromFirstLine(stripChrome(text)), opts);
}

/** The report only (see readReport); its warnings are in report.warnings. */
export function parseReport(text: string, opts: ParseOptions): Report {
  return readReport(text, opts).report;
}

/** A plain text without page chrome often starts with its title on a line of its own. */
function titleFromFirstLine(s: Stripped): Stripped {
  const first = s.body[0];
  if (s.title || !first || s.body.length < 2) return s;
  // A headline may have a colon or commas inside (…出炉:今年将…), but not end with one (各位代表:).
  const headline =
    first.text.length <= 40 && /[\u4e00-\u9fff]/.test(first.text) && !/[。!?!?]/.test(first.text) && !/[::,,]$/.test(first.text);
  if (numberedHeading(first.text) || itemNumber(first.text) || !headline || /^各位代表/.test(first.text)) return s;
  return { ...s, title: first.text, body: s.body.slice(1), chrome: [...s.chrome, first].sort((a, b) => a.line - b.line) };
}

interface State {
  plan: LevelPlan;
  part?: Part | undefined;
  section?: Section | undefined;
  /** A third-level heading ((一) under 一、) or an unnumbered heading line, heading what follows. */
  sub?: string | undefined;
  loose?: { text: string; phase?: Phase } | undefined;
  expectItem: number;
}

function parseStripped(stripped: Stripped, { file }: ParseOptions): ParseResult {
  const body = stripped.body;
  if (body.length === 0) throw new InputError('no report text found (the file is empty or only page chrome)', { file, line: 1 });
  if (!body.some((l) => /[\u4e00-\u9fff]/.test(l.text)))
    throw new InputError('no Chinese text found: this does not look like a work report', { file, line: body[0]?.line ?? 1 });

  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const parts: Part[] = [];
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const st: State = { plan: planLevels(body.map((l) => l.text)), expectItem: 1 };
  const counters = new Map<string, number>();
  const paragraphsInPart = new Map<number, number>();
  const structured = st.plan.part !== undefined;

  const openParagraph = (l: SourceLine, sec: Section | undefined, headingExtra: string[], item?: number) => {
    const partNo = st.part?.number ?? 0;
    const secNo = sec?.number ?? 0;
    const key = `${partNo}-${secNo}`;
    const index = (counters.get(key) ?? 0) + 1;
    counters.set(key, index);
    paragraphsInPart.set(partNo, (paragraphsInPart.get(partNo) ?? 0) + 1);
    const lead = firstSentence(l.text);
    const sentences = splitSentences(l.text).map((s) => ({ ...s, facts: extractFacts(l.text, s.start, s.end) }));
    let theme: Theme = sec?.theme ?? 'overview';
    if (!sec && structured) {
      // Outside a numbered section only a lead heading (实施…工程) or a "we did X" opening
      // (五年来,我们…建设法治政府) names a theme; other framing paragraphs are overviews.
      const cue = headingExtra[0] ?? (/我们/.test(lead.text) && st.part ? lead.text : '');
      theme = classifyTheme(cue) ?? 'overview';
    } else if (!sec) {
      theme = classifyText(l.text);
    }
    const phase: Phase = st.part?.phase ?? (structured ? 'preamble' : (st.loose?.phase ?? 'unknown'));
    const headingPath = [st.part?.heading, sec?.heading, st.sub, st.loose?.text, ...headingExtra].filter((h): h is string => !!h);
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

  // The printed numbers seen last, so one slip gives one warning rather than one per heading after it.
  let lastPart = 0;
  const lastSection = new Map<number, number>();
  const openPart = (l: SourceLine, printed: number) => {
    const prev = st.part?.number ?? 0;
    if (printed !== lastPart + 1)
      warn(l.line, `part heading "${l.text}" is number ${printed}, expected ${lastPart + 1}: a part is missing or out of order`);
    lastPart = printed;
    if (st.part && !paragraphsInPart.get(st.part.number)) warn(st.part.line, `part "${st.part.heading}" has no text before the next part`);
    // Numbers only go up, so paragraph ids stay unique even when the printed ones repeat.
    const n = printed > prev ? printed : prev + 1;
    let phase = phaseOfPartHeading(l.text);
    if (!phase) {
      warn(
        l.line,
        `part heading "${l.text}" names no time frame (回顾/过去…, 今后N年/未来N年, 今年 or a year such as 2019年): its paragraphs get phase "unknown"`,
      );
      phase = 'unknown';
    }
    st.part = { id: `p${n}`, number: n, heading: l.text, phase, line: l.line };
    parts.push(st.part);
    st.section = undefined;
    st.sub = undefined;
    st.loose = undefined;
    st.expectItem = 1;
  };

  const openSection = (l: SourceLine, printed: number, numeral: string) => {
    const partNo = st.part?.number ?? 0;
    if (!st.part && structured)
      warn(l.line, `numbered section "${l.text.slice(0, 20)}…" comes before any part heading: it is read as outside any part`);
    const prev = [...sections].reverse().find((s) => s.part === partNo)?.number ?? 0;
    const expected = (lastSection.get(partNo) ?? 0) + 1;
    if (printed !== expected)
      warn(l.line, `section (${numeral}) is number ${printed}, expected ${expected}: a section is missing or out of order`);
    lastSection.set(partNo, printed);
    const n = printed > prev ? printed : prev + 1;
    const lead = firstSentence(l.text);
    const inline = lead.end < l.text.length;
    const heading = inline ? lead.text : l.text;
    let theme = classifySectionTheme(heading);
    if (!theme) {
      warn(l.line, `cannot tell the theme of section heading "${heading}": it is filed under "other"`);
      theme = 'other';
    }
    const sec: Section = { id: `p${partNo}-${n}`, part: partNo, number: n, heading, theme, inline, line: l.line };
    sections.push(sec);
    st.expectItem = 1;
    st.sub = undefined;
    st.loose = undefined;
    if (inline) {
      // Part 一 style of 2017: the heading is the first sentence of a paragraph that is the whole section.
      openParagraph(l, sec, []);
      st.section = undefined;
    } else {
      st.section = sec;
    }
  };

  for (const [i, l] of body.entries()) {
    const h = numberedHeading(l.text);
    if (h && h.level === st.plan.part && (h.level !== 'dun' || isStandalone(l.text))) {
      openPart(l, h.number);
      continue;
    }
    if (h && h.level === st.plan.section) {
      openSection(l, h.number, h.numeral);
      continue;
    }
    if (h && h.level === st.plan.sub && st.section) {
      const lead = firstSentence(l.text);
      st.expectItem = 1;
      st.loose = undefined;
      if (lead.end < l.text.length) {
        st.sub = undefined;
        openParagraph(l, st.section, [lead.text]);
      } else st.sub = l.text;
      continue;
    }
    // An address to the delegates closes whatever numbered section came before it.
    if (/^各位代表/.test(l.text)) {
      st.section = undefined;
      st.sub = undefined;
      st.loose = undefined;
    }
    const item = itemNumber(l.text);
    if (item) {
      if (item.number !== st.expectItem)
        warn(
          l.line,
          `item "${item.label}" is number ${item.number}, expected ${st.expectItem}: ${item.number === 1 ? 'a numbered heading before it may be missing' : 'an item is missing or out of order'}`,
        );
      st.expectItem = item.number + 1;
      openParagraph(l, st.section, [firstSentence(l.text).text], item.number);
      continue;
    }
    if (isUnnumberedHeading(l.text) && i < body.length - 1) {
      const phase = structured ? undefined : phaseOfPartHeading(l.text);
      st.loose = phase ? { text: l.text, phase } : { text: l.text };
      st.sub = undefined;
      continue;
    }
    const lead = firstSentence(l.text);
    const hasLead = lead.end < l.text.length && lead.text.length <= LEAD_MAX && /[。]$/.test(l.text.slice(0, lead.end));
    openParagraph(l, st.section, hasLead ? [lead.text] : []);
  }

  if (paragraphs.length === 0) throw new InputError('no paragraphs found: the file has headings only', { file, line: body[0]?.line ?? 1 });
  for (const s of sections) {
    if (!s.inline && !paragraphs.some((p) => p.part === s.part && p.section === s.number))
      warn(s.line, `section "${s.heading}" has no paragraphs (is the file truncated?)`);
  }
  const finalPart = parts.at(-1);
  if (finalPart && !paragraphsInPart.get(finalPart.number))
    warn(finalPart.line, `part "${finalPart.heading}" has no text (is the file truncated?)`);
  const last = paragraphs[paragraphs.length - 1] as Paragraph;
  if (!ENDS_WITH_TERMINAL.test(last.text))
    warn(last.line, `the last paragraph ends mid-sentence ("…${last.text.slice(-12)}"): the file may be truncated`);
  if (!structured) warn(body[0]?.line ?? 1, 'no part headings (一、… or 第一部分…): the text is read as plain paragraphs, phase "unknown"');
  warnings.sort((a, b) => a.line - b.line);

  const report: Report = {
    schemaVersion: 1,
    title: stripped.title ?? '',
    source: {
      file,
      chrome: stripped.chrome,
      ...(stripped.origin ? { origin: stripped.origin } : {}),
      ...(stripped.date ? { date: stripped.date } : {}),
    },
    ...(warnings.length ? { warnings } : {}),
    parts,
    sections,
    paragraphs,
  };
  return { report: ReportSchema.parse(report), warnings };
}
