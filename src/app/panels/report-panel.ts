import { type Paragraph, PHASE_LABELS, type Report, THEME_LABELS } from '../../core/report/model';
import { el } from '../dom';

/**
 * The full report as readable text: part and section headings, then paragraphs, each with its
 * stable id as the element id so `#p3-2-4` addresses it.
 */
export function renderReport(container: HTMLElement, report: Report): void {
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
    if (p.section !== lastSection && sec && !sec.inline) {
      frag.append(el('h3', { class: 'section-heading', id: sec.id }, sec.heading));
    }
    lastSection = p.section;
    frag.append(renderParagraph(p));
  }
  container.replaceChildren(frag);
}

function renderParagraph(p: Paragraph): HTMLElement {
  const meta = el(
    'div',
    { class: 'para-meta' },
    el('a', { class: 'para-id', href: `#${p.id}`, title: '链接到此段 Link to this paragraph' }, p.id),
    el('span', { class: `tag phase-${p.phase}` }, PHASE_LABELS[p.phase].zh),
    el('span', { class: `tag theme-${p.theme}` }, THEME_LABELS[p.theme].zh),
  );
  return el(
    'article',
    { class: 'para', id: p.id, 'data-phase': p.phase, 'data-theme': p.theme },
    meta,
    el('p', { class: 'para-text' }, p.text),
  );
}

/** Scrolls to the paragraph named in the URL hash and marks it; unknown ids are reported. */
export function focusParagraphFromHash(container: HTMLElement, onUnknown: (id: string) => void): void {
  const id = decodeURIComponent(location.hash.slice(1));
  for (const old of container.querySelectorAll('.para.is-target')) old.classList.remove('is-target');
  if (!id) return;
  const target = document.getElementById(id);
  if (!target || !container.contains(target)) {
    onUnknown(id);
    return;
  }
  target.classList.add('is-target');
  target.scrollIntoView({ block: 'start' });
}
