import type { SourceLine } from './chrome';
import { extractFacts } from './facts';
import { isStandalone, isUnnumberedHeading, itemNumber, type LevelPlan, numberedHeading } from './headings';
import type { Paragraph, ParseWarning, Part, Phase, Section, Theme } from './model';
import { ENDS_WITH_TERMINAL, splitSentences } from './sentences';
import { classifySectionTheme, classifyText, classifyTheme, phaseOfPartHeading } from './themes';

/** A short first sentence that the rest of the paragraph elaborates (实施功能优化提升工程。). */
const LEAD_MAX = 14;

export function firstSentence(text: string): { text: string; end: number } {
  const s = splitSentences(text)[0] ?? { start: 0, end: text.length };
  return { text: text.slice(s.start, s.end).replace(/[。!?!?]$/, ''), end: s.end };
}

/**
 * Reads the body of a report line by line into parts, sections and paragraphs, following the plan of
 * heading levels the text uses. What does not fit is a warning with its line; nothing here throws.
 */
export class ReportBuilder {
  readonly parts: Part[] = [];
  readonly sections: Section[] = [];
  readonly paragraphs: Paragraph[] = [];
  readonly warnings: ParseWarning[] = [];
  private part: Part | undefined;
  private section: Section | undefined;
  /** A third-level heading ((一) under 一、), heading what follows. */
  private sub: string | undefined;
  /** An unnumbered heading line (今年重点工作), heading what follows; with a phase in a text without parts. */
  private loose: { text: string; phase?: Phase } | undefined;
  private expectItem = 1;
  private readonly counters = new Map<string, number>();
  private readonly paragraphsInPart = new Map<number, number>();
  // The printed numbers seen last, so one slip gives one warning rather than one per heading after it.
  private lastPart = 0;
  private readonly lastSection = new Map<number, number>();
  private readonly structured: boolean;

  constructor(private readonly plan: LevelPlan) {
    this.structured = plan.part !== undefined;
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  /** One line of the body; `last` tells a closing line from an unnumbered heading. */
  line(l: SourceLine, last: boolean): void {
    const h = numberedHeading(l.text);
    if (h && h.level === this.plan.part && (h.level !== 'dun' || isStandalone(l.text))) {
      this.openPart(l, h.number);
      return;
    }
    if (h && h.level === this.plan.section) {
      this.openSection(l, h.number, h.numeral);
      return;
    }
    if (h && h.level === this.plan.sub && this.section) {
      this.openSub(l);
      return;
    }
    // An address to the delegates closes whatever numbered section came before it.
    if (/^各位代表/.test(l.text)) {
      this.section = undefined;
      this.sub = undefined;
      this.loose = undefined;
    }
    const item = itemNumber(l.text);
    if (item) {
      if (item.number !== this.expectItem)
        this.warn(
          l.line,
          `item "${item.label}" is number ${item.number}, expected ${this.expectItem}: ${item.number === 1 ? 'a numbered heading before it may be missing' : 'an item is missing or out of order'}`,
        );
      this.expectItem = item.number + 1;
      this.paragraph(l, this.section, [firstSentence(l.text).text], item.number);
      return;
    }
    if (isUnnumberedHeading(l.text) && !last) {
      const phase = this.structured ? undefined : phaseOfPartHeading(l.text);
      this.loose = phase ? { text: l.text, phase } : { text: l.text };
      this.sub = undefined;
      return;
    }
    const lead = firstSentence(l.text);
    const hasLead = lead.end < l.text.length && lead.text.length <= LEAD_MAX && /[。]$/.test(l.text.slice(0, lead.end));
    this.paragraph(l, this.section, hasLead ? [lead.text] : []);
  }

  private paragraph(l: SourceLine, sec: Section | undefined, headingExtra: string[], item?: number): void {
    const partNo = this.part?.number ?? 0;
    const secNo = sec?.number ?? 0;
    const key = `${partNo}-${secNo}`;
    const index = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, index);
    this.paragraphsInPart.set(partNo, (this.paragraphsInPart.get(partNo) ?? 0) + 1);
    const lead = firstSentence(l.text);
    const sentences = splitSentences(l.text).map((s) => ({ ...s, facts: extractFacts(l.text, s.start, s.end) }));
    let theme: Theme = sec?.theme ?? 'overview';
    if (!sec && this.structured) {
      // Outside a numbered section only a lead heading (实施…工程) or a "we did X" opening
      // (五年来,我们…建设法治政府) names a theme; other framing paragraphs are overviews.
      const cue = headingExtra[0] ?? (/我们/.test(lead.text) && this.part ? lead.text : '');
      theme = classifyTheme(cue) ?? 'overview';
    } else if (!sec) {
      theme = classifyText(l.text);
    }
    const phase: Phase = this.part?.phase ?? (this.structured ? 'preamble' : (this.loose?.phase ?? 'unknown'));
    const headingPath = [this.part?.heading, sec?.heading, this.sub, this.loose?.text, ...headingExtra].filter((h): h is string => !!h);
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
    this.paragraphs.push(p);
  }

  private openPart(l: SourceLine, printed: number): void {
    const prev = this.part?.number ?? 0;
    if (printed !== this.lastPart + 1)
      this.warn(l.line, `part heading "${l.text}" is number ${printed}, expected ${this.lastPart + 1}: a part is missing or out of order`);
    this.lastPart = printed;
    if (this.part && !this.paragraphsInPart.get(this.part.number))
      this.warn(this.part.line, `part "${this.part.heading}" has no text before the next part`);
    // Numbers only go up, so paragraph ids stay unique even when the printed ones repeat.
    const n = printed > prev ? printed : prev + 1;
    let phase = phaseOfPartHeading(l.text);
    if (!phase) {
      this.warn(
        l.line,
        `part heading "${l.text}" names no time frame (回顾/过去…, 今后N年/未来N年, 今年 or a year such as 2019年): its paragraphs get phase "unknown"`,
      );
      phase = 'unknown';
    }
    this.part = { id: `p${n}`, number: n, heading: l.text, phase, line: l.line };
    this.parts.push(this.part);
    this.section = undefined;
    this.sub = undefined;
    this.loose = undefined;
    this.expectItem = 1;
  }

  private openSection(l: SourceLine, printed: number, numeral: string): void {
    const partNo = this.part?.number ?? 0;
    if (!this.part && this.structured)
      this.warn(l.line, `numbered section "${l.text.slice(0, 20)}…" comes before any part heading: it is read as outside any part`);
    const prev = [...this.sections].reverse().find((s) => s.part === partNo)?.number ?? 0;
    const expected = (this.lastSection.get(partNo) ?? 0) + 1;
    if (printed !== expected)
      this.warn(l.line, `section (${numeral}) is number ${printed}, expected ${expected}: a section is missing or out of order`);
    this.lastSection.set(partNo, printed);
    const n = printed > prev ? printed : prev + 1;
    const lead = firstSentence(l.text);
    const inline = lead.end < l.text.length;
    const heading = inline ? lead.text : l.text;
    let theme = classifySectionTheme(heading);
    if (!theme) {
      this.warn(l.line, `cannot tell the theme of section heading "${heading}": it is filed under "other"`);
      theme = 'other';
    }
    const sec: Section = { id: `p${partNo}-${n}`, part: partNo, number: n, heading, theme, inline, line: l.line };
    this.sections.push(sec);
    this.expectItem = 1;
    this.sub = undefined;
    this.loose = undefined;
    if (inline) {
      // Part 一 style of 2017: the heading is the first sentence of a paragraph that is the whole section.
      this.paragraph(l, sec, []);
      this.section = undefined;
    } else {
      this.section = sec;
    }
  }

  private openSub(l: SourceLine): void {
    const lead = firstSentence(l.text);
    this.expectItem = 1;
    this.loose = undefined;
    if (lead.end < l.text.length) {
      this.sub = undefined;
      this.paragraph(l, this.section, [lead.text]);
    } else this.sub = l.text;
  }

  /** The checks that need the whole text: empty sections and parts, a truncated end, no structure. */
  finish(firstLine: number): void {
    for (const s of this.sections) {
      if (!s.inline && !this.paragraphs.some((p) => p.part === s.part && p.section === s.number))
        this.warn(s.line, `section "${s.heading}" has no paragraphs (is the file truncated?)`);
    }
    const finalPart = this.parts.at(-1);
    if (finalPart && !this.paragraphsInPart.get(finalPart.number))
      this.warn(finalPart.line, `part "${finalPart.heading}" has no text (is the file truncated?)`);
    const last = this.paragraphs.at(-1);
    if (last && !ENDS_WITH_TERMINAL.test(last.text))
      this.warn(last.line, `the last paragraph ends mid-sentence ("…${last.text.slice(-12)}"): the file may be truncated`);
    if (!this.structured)
      this.warn(firstLine, 'no part headings (一、… or 第一部分…): the text is read as plain paragraphs, phase "unknown"');
    this.warnings.sort((a, b) => a.line - b.line);
  }
}
