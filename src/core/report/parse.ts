import { InputError } from '../errors';
import { ReportBuilder } from './builder';
import { type Stripped, stripChrome, stripChromeLines } from './chrome';
import { itemNumber, numberedHeading, planLevels } from './headings';
import { htmlToLines, looksLikeHtml } from './html';
import { type ParseWarning, type Report, ReportSchema } from './model';

export { chineseNumber } from './headings';

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

function parseStripped(stripped: Stripped, { file }: ParseOptions): ParseResult {
  const body = stripped.body;
  if (body.length === 0) throw new InputError('no report text found (the file is empty or only page chrome)', { file, line: 1 });
  if (!body.some((l) => /[\u4e00-\u9fff]/.test(l.text)))
    throw new InputError('no Chinese text found: this does not look like a work report', { file, line: body[0]?.line ?? 1 });
  const b = new ReportBuilder(planLevels(body.map((l) => l.text)));
  for (const [i, l] of body.entries()) b.line(l, i === body.length - 1);
  if (b.paragraphs.length === 0)
    throw new InputError('no paragraphs found: the file has headings only', { file, line: body[0]?.line ?? 1 });
  b.finish(body[0]?.line ?? 1);
  const { warnings, parts, sections, paragraphs } = b;
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
