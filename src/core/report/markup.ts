import { GROUP_OF } from '../places/groups';
import type { Report } from './model';
import { PHASE_LABELS, type Phase, THEME_LABELS } from './vocab';

/**
 * The report as a tree of plain elements, built once by pure code and turned into markup two
 * ways: an HTML string at build time (the report is in index.html and paints with the first
 * frame, before any script runs) and DOM nodes in the browser (another language). Text is always
 * text: the HTML writer escapes it, the DOM writer never parses it.
 */
export type MarkupNode = string | MarkupElement;
export interface MarkupElement {
  tag: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
}

const h = (tag: string, attrs: Record<string, string | undefined>, ...children: Array<MarkupNode | null>): MarkupElement => ({
  tag,
  attrs: Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined)),
  children: children.filter((c): c is MarkupNode => c !== null && c !== ''),
});

export interface MarkupMention {
  placeId: string;
  start: number;
  end: number;
  via?: string | undefined;
}
export interface MarkupPlace {
  name: string;
  name_en: string;
  category: keyof typeof GROUP_OF;
  /** Drawn on the map (a geometry, or the parts of a compound name). */
  mapped: boolean;
}
export interface MarkupInput {
  report: Report;
  mentionsByParagraph: ReadonlyMap<string, readonly MarkupMention[]>;
  places: ReadonlyMap<string, MarkupPlace>;
  lang: 'zh' | 'en';
  labels: { showOnMap: string; contents: string };
  /** The tag of a paragraph's time frame (default: the bundled report's, which name its years). */
  phaseLabel?: ((phase: Phase) => string) | undefined;
}

/** One mark per span: a compound's parts share its span, so the mark names the compound. */
function spansOf(mentions: readonly MarkupMention[]): Array<{ start: number; end: number; placeId: string }> {
  const out: Array<{ start: number; end: number; placeId: string }> = [];
  for (const m of mentions) {
    if (out.some((o) => o.start === m.start)) continue;
    out.push({ start: m.start, end: m.end, placeId: m.via ?? m.placeId });
  }
  return out.sort((a, b) => a.start - b.start);
}

function paragraphText(
  text: string,
  pid: string,
  mentions: readonly MarkupMention[],
  places: MarkupInput['places'],
  first: boolean,
): MarkupElement {
  const parts: MarkupNode[] = [];
  let at = 0;
  for (const s of spansOf(mentions)) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start));
    const place = places.get(s.placeId);
    const group = place ? GROUP_OF[place.category] : 'areas';
    parts.push(
      h(
        'mark',
        {
          class: `mention g-${group}${place?.mapped ? '' : ' mention-nosite'}`,
          'data-place-id': s.placeId,
          'data-paragraph-id': pid,
          'data-start': String(s.start),
          tabindex: '0',
          role: 'button',
          title: place ? `${place.name} · ${place.name_en}` : s.placeId,
        },
        text.slice(s.start, s.end),
      ),
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  // The first paragraph's paint is timed (Element Timing): when the report's text is first on screen.
  return h('p', { class: 'para-text', elementtiming: first ? 'report-text' : undefined }, ...parts);
}

/** Contents: the report's parts and their numbered sections, each a link to its heading. */
export function tableOfContents(report: Report, label: string): MarkupElement {
  const items = report.parts.map((part) => {
    const secs = report.sections.filter((s) => s.part === part.number);
    const sub = secs.length
      ? h('ol', {}, ...secs.map((s) => h('li', {}, h('a', { href: `#${s.id}`, 'data-target': s.id }, s.heading))))
      : null;
    return h('li', {}, h('a', { href: `#${part.id}`, 'data-target': part.id }, part.heading), sub);
  });
  return h('nav', { class: 'toc', 'aria-label': label }, h('details', {}, h('summary', {}, label), h('ol', {}, ...items)));
}

/** The whole report: headings, then paragraphs (id = #p3-2-4), every mention a focusable mark. */
export function reportMarkup(input: MarkupInput): MarkupNode[] {
  const { report, lang } = input;
  const out: MarkupNode[] = [tableOfContents(report, input.labels.contents)];
  const sectionsByKey = new Map(report.sections.map((s) => [`${s.part}-${s.number}`, s]));
  let lastPart = -1;
  let lastSection = -1;
  for (const p of report.paragraphs) {
    if (p.part !== lastPart) {
      const part = report.parts.find((x) => x.number === p.part);
      if (part) out.push(h('h2', { class: 'part-heading', id: part.id }, part.heading));
      lastPart = p.part;
      lastSection = -1;
    }
    const sec = sectionsByKey.get(`${p.part}-${p.section}`);
    if (p.section !== lastSection && sec && !sec.inline) out.push(h('h3', { class: 'section-heading', id: sec.id }, sec.heading));
    lastSection = p.section;
    const mentions = input.mentionsByParagraph.get(p.id) ?? [];
    const mapped = mentions.some((m) => input.places.get(m.placeId)?.mapped);
    const meta = h(
      'div',
      { class: 'para-meta' },
      h('a', { class: 'para-id', href: `#${p.id}`, title: p.id }, p.id),
      h('span', { class: `tag phase-${p.phase}` }, input.phaseLabel?.(p.phase) ?? PHASE_LABELS[p.phase][lang]),
      h('span', { class: `tag theme-${p.theme}` }, THEME_LABELS[p.theme][lang]),
      mapped ? h('button', { class: 'show-on-map', type: 'button', 'data-paragraph-id': p.id }, input.labels.showOnMap) : null,
    );
    out.push(
      h(
        'article',
        { class: 'para', id: p.id, 'data-phase': p.phase, 'data-theme': p.theme },
        meta,
        paragraphText(p.text, p.id, mentions, input.places, p === report.paragraphs[0]),
      ),
    );
  }
  return out;
}

/**
 * A fingerprint of what the markup shows (paragraph ids and text, every mention's span and
 * place, the place names): the app keeps text pre-rendered at build time only when the data it
 * loaded has the same fingerprint, so data files replaced after the build are never hidden.
 */
export function markupFingerprint(input: Pick<MarkupInput, 'report' | 'mentionsByParagraph' | 'places'>): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const part of input.report.parts) add(`${part.id}${part.heading}`);
  for (const sec of input.report.sections) add(`${sec.id}${sec.heading}`);
  for (const p of input.report.paragraphs) {
    add(`${p.id}|${p.phase}|${p.theme}|${p.text}`);
    for (const m of input.mentionsByParagraph.get(p.id) ?? []) add(`${m.placeId}:${m.via ?? ''}:${m.start}-${m.end}`);
  }
  for (const [id, pl] of [...input.places].sort(([a], [b]) => (a < b ? -1 : 1)))
    add(`${id}|${pl.name}|${pl.name_en}|${pl.category}|${pl.mapped}`);
  return h.toString(16).padStart(8, '0');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] as string);

/** HTML for the tree; every text and attribute value escaped. */
export function toHtml(nodes: readonly MarkupNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return escapeHtml(n);
      const attrs = Object.entries(n.attrs)
        .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
        .join('');
      return `<${n.tag}${attrs}>${toHtml(n.children)}</${n.tag}>`;
    })
    .join('');
}
