import type { Mention } from '../../core/geoparse/matcher';
import { GROUP_OF, GROUP_STYLE } from '../../core/places/groups';
import type { PlaceFeatureT } from '../../core/places/model';
import { type Paragraph, PHASE_LABELS, type Report, THEME_LABELS } from '../../core/report/model';
import type { AtlasData } from '../data';
import { el } from '../dom';
import { lang, t } from '../i18n';

export interface ReportHandlers {
  onMentionClick(placeId: string, paragraphId: string, start: number): void;
  onHover(placeId: string | undefined): void;
  onShowParagraph(paragraphId: string): void;
}

/** One mark per span: a compound's parts share its span, so the mark names the compound. */
function spansOf(mentions: Mention[]): Array<{ start: number; end: number; placeId: string }> {
  const out: Array<{ start: number; end: number; placeId: string }> = [];
  for (const m of mentions) {
    if (out.some((o) => o.start === m.start)) continue;
    out.push({ start: m.start, end: m.end, placeId: m.via ?? m.placeId });
  }
  return out.sort((a, b) => a.start - b.start);
}

function paragraphText(p: Paragraph, mentions: Mention[], places: Map<string, PlaceFeatureT>): HTMLElement {
  const node = el('p', { class: 'para-text' });
  let at = 0;
  for (const s of spansOf(mentions)) {
    if (s.start < at) continue;
    node.append(p.text.slice(at, s.start));
    const place = places.get(s.placeId);
    const group = place ? GROUP_OF[place.properties.category] : 'areas';
    const mapped = place?.geometry !== null || (place?.properties.parts?.length ?? 0) > 0;
    const mark = el(
      'mark',
      {
        class: `mention${mapped ? '' : ' mention-nosite'}`,
        'data-place-id': s.placeId,
        'data-paragraph-id': p.id,
        'data-start': String(s.start),
        tabindex: '0',
        role: 'button',
        title: place ? `${place.properties.name} · ${place.properties.name_en}` : s.placeId,
      },
      p.text.slice(s.start, s.end),
    );
    mark.style.setProperty('--mention-colour', GROUP_STYLE[group].colour);
    node.append(mark);
    at = s.end;
  }
  node.append(p.text.slice(at));
  return node;
}

/**
 * The full report as readable text: headings, then paragraphs, each with its stable id as the
 * element id (#p3-2-4), every place mention a focusable mark in its category colour.
 */
export function renderReport(container: HTMLElement, data: AtlasData, h: ReportHandlers): void {
  const { report, index } = data;
  const frag = document.createDocumentFragment();
  const sectionsByKey = new Map(report.sections.map((s) => [`${s.part}-${s.number}`, s]));
  let lastPart = -1;
  let lastSection = -1;
  for (const p of report.paragraphs) {
    if (p.part !== lastPart) {
      const part = report.parts.find((x) => x.number === p.part);
      if (part) frag.append(el('h2', { class: 'part-heading', id: part.id }, part.heading));
      lastPart = p.part;
      lastSection = -1;
    }
    const sec = sectionsByKey.get(`${p.part}-${p.section}`);
    if (p.section !== lastSection && sec && !sec.inline) frag.append(el('h3', { class: 'section-heading', id: sec.id }, sec.heading));
    lastSection = p.section;
    const mentions = index.mentionsByParagraph.get(p.id) ?? [];
    const hasMapped = mentions.some((m) => index.places.get(m.placeId)?.geometry);
    const meta = el(
      'div',
      { class: 'para-meta' },
      el('a', { class: 'para-id', href: `#${p.id}`, title: p.id }, p.id),
      el('span', { class: `tag phase-${p.phase}` }, PHASE_LABELS[p.phase][lang()]),
      el('span', { class: `tag theme-${p.theme}` }, THEME_LABELS[p.theme][lang()]),
      hasMapped ? el('button', { class: 'show-on-map', type: 'button', 'data-paragraph-id': p.id }, t('showOnMap')) : null,
    );
    frag.append(
      el(
        'article',
        { class: 'para', id: p.id, 'data-phase': p.phase, 'data-theme': p.theme },
        meta,
        paragraphText(p, mentions, index.places),
      ),
    );
  }
  container.replaceChildren(frag);

  // Delegated listeners: one per panel, not one per mark.
  container.onclick = (e) => {
    const target = e.target as HTMLElement;
    const mark = target.closest<HTMLElement>('mark.mention');
    if (mark?.dataset.placeId && mark.dataset.paragraphId) {
      h.onMentionClick(mark.dataset.placeId, mark.dataset.paragraphId, Number(mark.dataset.start));
      return;
    }
    const btn = target.closest<HTMLElement>('button.show-on-map');
    if (btn?.dataset.paragraphId) h.onShowParagraph(btn.dataset.paragraphId);
  };
  container.onkeydown = (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.mention');
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      mark.click();
    }
  };
  container.onmouseover = (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.mention');
    h.onHover(mark?.dataset.placeId);
  };
  container.onmouseleave = () => h.onHover(undefined);
}

/** Marks every mention of a place (hovered on the map, or selected). */
export function markMentions(container: HTMLElement, cls: 'is-hover' | 'is-selected', placeIds: ReadonlySet<string>): void {
  for (const m of container.querySelectorAll<HTMLElement>(`mark.mention.${cls}`)) m.classList.remove(cls);
  if (placeIds.size === 0) return;
  for (const m of container.querySelectorAll<HTMLElement>('mark.mention')) if (placeIds.has(m.dataset.placeId ?? '')) m.classList.add(cls);
}

/** The text reflects the filter: paragraphs outside the chosen themes/phases and mentions of hidden places are dimmed. */
export function dimByFilter(
  container: HTMLElement,
  paragraphVisible: (id: string) => boolean,
  placeVisible: (id: string) => boolean,
): void {
  for (const a of container.querySelectorAll<HTMLElement>('article.para')) a.classList.toggle('is-filtered-out', !paragraphVisible(a.id));
  for (const m of container.querySelectorAll<HTMLElement>('mark.mention'))
    m.classList.toggle('is-muted', !placeVisible(m.dataset.placeId ?? ''));
}

export function scrollToParagraph(container: HTMLElement, id: string, opts: { mark?: boolean; start?: number } = {}): boolean {
  const target = document.getElementById(id);
  if (!target || !container.contains(target)) return false;
  if (opts.mark !== false) {
    for (const old of container.querySelectorAll('.para.is-target')) old.classList.remove('is-target');
    target.classList.add('is-target');
  }
  const mark = opts.start !== undefined ? target.querySelector<HTMLElement>(`mark[data-start="${opts.start}"]`) : null;
  (mark ?? target).scrollIntoView({ block: mark ? 'center' : 'start' });
  return true;
}

export type { Report };
