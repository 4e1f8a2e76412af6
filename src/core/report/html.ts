import { Parser } from 'htmlparser2';
import type { SourceLine } from './chrome';

/**
 * The text of a saved report page, one line per block (p, div, li, h1…, br), each with the line of
 * the HTML file it starts on, so warnings and errors point into the file the planner has. Script,
 * style and the page's navigation, header, footer and asides are dropped. htmlparser2 is used
 * rather than a DOM: it is pure JavaScript (runs in Node and in a Web Worker, where there is no
 * DOMParser), forgiving of the broken markup of saved pages, decodes entities, and reports the
 * offset of every token, which a hand-written tokenizer would have to get right by itself.
 */
export interface HtmlText {
  lines: SourceLine[];
  /** The page's own heading (first h1), else its <title>. */
  title?: string;
  /** The line of that h1: everything above it is page chrome (site header, breadcrumb, menus). */
  titleLine?: number;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'select',
  'button',
  'object',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'center',
  'body',
  'title',
  'figure',
  'figcaption',
]);

/** Whether a file's text is an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(html|head|body)[\s>]/.test(head);
}

const CJK = /[\u2e80-\uffef]/;

/**
 * Collapses the whitespace of one block. A line break in the HTML source between Chinese text is a
 * wrap of the editor, not a space (…工作站,⏎西单商场 → 工作站,西单商场); spaces typed on one line are
 * kept, once (首页 > 政务公开).
 */
function clean(s: string): string {
  const pieces = s.split(/[ \t\r\u00a0]*\n[\s\u00a0]*/);
  let out = pieces[0] ?? '';
  for (const next of pieces.slice(1)) {
    const a = out.at(-1) ?? '';
    const b = next[0] ?? '';
    out += (CJK.test(a) || CJK.test(b)) && !/[A-Za-z0-9]/.test(a + b) ? next : ` ${next}`;
  }
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function htmlToLines(html: string): HtmlText {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const lines: SourceLine[] = [];
  let buf = '';
  let bufLine = 0;
  let skip = 0;
  let inTitle = false;
  let inH1 = false;
  let docTitle = '';
  let h1: { text: string; line: number } | undefined;
  let h1Text = '';
  let h1Line = 0;
  const flush = () => {
    const t = clean(buf);
    if (t !== '') lines.push({ line: bufLine, text: t });
    buf = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skip++;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && !h1 && skip === 0) {
          inH1 = true;
          h1Text = '';
        }
        if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (inTitle) docTitle += text;
        if (skip > 0 || inTitle) return;
        if (inH1) {
          if (h1Text === '' && text.trim() !== '') h1Line = lineAt(parser.startIndex + (text.length - text.trimStart().length));
          h1Text += text;
        }
        if (buf.trim() === '' && text.trim() !== '') bufLine = lineAt(parser.startIndex + (text.length - text.trimStart().length));
        buf += text;
      },
      onclosetag(name) {
        if (SKIP.has(name) && skip > 0) skip--;
        if (name === 'title') inTitle = false;
        if (name === 'h1' && inH1) {
          inH1 = false;
          const t = clean(h1Text);
          if (t !== '') h1 = { text: t, line: h1Line };
        }
        if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const out: HtmlText = { lines };
  const title = h1?.text ?? clean(docTitle);
  if (title) out.title = title;
  if (h1) out.titleLine = h1.line;
  return out;
}
