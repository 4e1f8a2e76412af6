import type { Mention } from '../../core/geoparse/matcher';
import type { AtlasIndex } from '../../core/places/index';
import { type MarkupPlace, markupFingerprint, reportMarkup } from '../../core/report/markup';
import { markupPlacesOf } from '../../core/report/markup-places';
import type { Phase, Report } from '../../core/report/model';
import type { Changed } from '../../core/state/changes';
import { paragraphPasses } from '../../core/state/selectors';
import type { Lang, UrlState } from '../../core/state/url';
import { fromMarkup } from '../dom';
import { STRINGS } from '../strings';

export interface ReportHandlers {
  onMentionClick(placeId: string, mention: Mention | undefined): void;
  onHover(placeId: string | undefined): void;
  onShowParagraph(paragraphId: string): void;
}

/**
 * A report the panel shows: the bundled one, or one a planner opened in the browser (modes/import),
 * drawn by the same markup, its mentions linked the same way (data-place-id).
 */
export interface ReportDoc {
  key: string;
  report: Report;
  mentionsByParagraph: ReadonlyMap<string, readonly Mention[]>;
  places: ReadonlyMap<string, MarkupPlace>;
  phaseLabel?: (phase: Phase, lang: Lang) => string;
  /** What a mention or "show on map" does in it (an opened report's places are not all the atlas's). */
  handlers?: Pick<ReportHandlers, 'onMentionClick' | 'onShowParagraph'>;
}

/** The report's markup in a language: the same function the build uses to pre-render index.html. */
export function reportNodes(doc: ReportDoc, lang: Lang) {
  return reportMarkup({
    report: doc.report,
    mentionsByParagraph: doc.mentionsByParagraph,
    places: doc.places,
    lang,
    labels: { showOnMap: STRINGS.showOnMap[lang], contents: STRINGS.contents[lang] },
    phaseLabel: doc.phaseLabel && ((p) => doc.phaseLabel?.(p, lang) ?? p),
  });
}

/**
 * The full report as readable text, every mention a focusable mark in its group's colour. The
 * build puts the Chinese text into index.html, so it is on screen before any script has run;
 * this keeps that text and only draws it again for another language.
 */
export class ReportPanel {
  private lang: Lang | undefined;
  readonly bundled: ReportDoc;
  private doc: ReportDoc;
  private last: { s: UrlState; visibleIds: ReadonlySet<string> } | undefined;
  private readonly shownListeners = new Set<(doc: ReportDoc) => void>();
  constructor(
    readonly el: HTMLElement,
    report: Report,
    private readonly index: AtlasIndex,
    h: ReportHandlers,
  ) {
    this.bundled = { key: 'bundled', report, mentionsByParagraph: index.mentionsByParagraph, places: markupPlacesOf(index.places) };
    this.doc = this.bundled;
    // Text put into the page by the build is kept only if it shows the data this page loaded.
    const same = el.dataset.fingerprint === markupFingerprint(this.bundled);
    this.lang = same ? ((el.dataset.prerendered as Lang | undefined) ?? undefined) : undefined;
    // From here on every paragraph is laid out (scrolling to one, following the reading and the
    // observers need true positions): the first-paint shortcut of style.css ends.
    delete el.dataset.firstPaint;
    // Delegated listeners: one per panel, not one per mark.
    el.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      const mark = target.closest<HTMLElement>('mark.mention');
      const on = this.doc.handlers ?? h;
      if (mark?.dataset.placeId && mark.dataset.paragraphId) {
        const start = Number(mark.dataset.start);
        const m = (this.doc.mentionsByParagraph.get(mark.dataset.paragraphId) ?? []).find((x) => x.start === start);
        on.onMentionClick(mark.dataset.placeId, m);
        return;
      }
      const btn = target.closest<HTMLElement>('button.show-on-map');
      if (btn?.dataset.paragraphId) on.onShowParagraph(btn.dataset.paragraphId);
      const toc = target.closest<HTMLAnchorElement>('nav.toc a[data-target]');
      if (toc?.dataset.target) {
        e.preventDefault();
        document.getElementById(toc.dataset.target)?.scrollIntoView({ block: 'start' });
      }
    });
    el.addEventListener('keydown', (e) => {
      const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.mention');
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        mark.click();
      }
    });
    el.addEventListener('mouseover', (e) => h.onHover((e.target as HTMLElement).closest<HTMLElement>('mark.mention')?.dataset.placeId));
    el.addEventListener('mouseleave', () => h.onHover(undefined));
  }

  /** The report shown now. */
  get shown(): ReportDoc {
    return this.doc;
  }

  /** Mentions in a paragraph of the report shown (story mode follows the text being read). */
  mentionsIn(paragraphId: string): readonly Mention[] {
    return this.doc.mentionsByParagraph.get(paragraphId) ?? [];
  }

  /** Shows another report (an opened one), or the bundled one again; listeners hear of it. */
  show(doc: ReportDoc = this.bundled): void {
    if (doc === this.doc) return;
    this.doc = doc;
    this.lang = undefined;
    if (this.last) this.update(this.last.s, new Set(), this.last.visibleIds);
    this.el.closest('.pane')?.scrollTo({ top: 0 });
    for (const l of this.shownListeners) l(doc);
  }

  onShown(l: (doc: ReportDoc) => void): () => void {
    this.shownListeners.add(l);
    return () => this.shownListeners.delete(l);
  }

  update(s: UrlState, changed: Changed, visibleIds: ReadonlySet<string>): void {
    this.last = { s, visibleIds };
    if (s.lang !== this.lang) {
      this.el.replaceChildren(...fromMarkup(reportNodes(this.doc, s.lang)));
      this.el.dataset.prerendered = s.lang;
      delete this.el.dataset.fingerprint;
      this.lang = s.lang;
      changed = new Set([...changed, 'filters', 'place']);
    }
    if (changed.has('filters') || changed.has('outside')) this.dim(s, visibleIds);
    if (changed.has('place')) this.mark('is-selected', s.place);
  }

  /** Marks every mention of a place (hovered on the map, or selected). */
  mark(cls: 'is-hover' | 'is-selected', placeId: string | undefined): void {
    for (const m of this.el.querySelectorAll<HTMLElement>(`mark.mention.${cls}`)) m.classList.remove(cls);
    if (!placeId) return;
    for (const m of this.el.querySelectorAll<HTMLElement>(`mark.mention[data-place-id="${CSS.escape(placeId)}"]`)) m.classList.add(cls);
  }

  /** The text reflects the filter: paragraphs outside the chosen themes/phases and mentions of hidden places are dimmed. */
  private dim(s: UrlState, visibleIds: ReadonlySet<string>): void {
    const byId = new Map(this.doc.report.paragraphs.map((p) => [p.id, p]));
    for (const a of this.el.querySelectorAll<HTMLElement>('article.para')) {
      const p = byId.get(a.id);
      a.classList.toggle('is-filtered-out', !p || !paragraphPasses(p, s.filters));
    }
    for (const m of this.el.querySelectorAll<HTMLElement>('mark.mention')) {
      const id = m.dataset.placeId ?? '';
      m.classList.toggle('is-muted', !visibleIds.has(id) && !!this.index.places.get(id)?.geometry);
    }
  }

  /** Scrolls to a paragraph of the bundled report (shown again if another was), marking it as the target. */
  scrollTo(id: string, opts: { mark?: boolean; start?: number } = {}): boolean {
    this.show(this.bundled);
    return this.scrollWithin(id, opts);
  }

  /** Scrolls to a paragraph of the report shown (and to a mention in it), marking it as the target. */
  scrollWithin(id: string, opts: { mark?: boolean; start?: number } = {}): boolean {
    const target = this.el.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!target?.classList.contains('para')) return false;
    if (opts.mark !== false) {
      for (const old of this.el.querySelectorAll('.para.is-target')) old.classList.remove('is-target');
      target.classList.add('is-target');
    }
    const mark = opts.start !== undefined ? target.querySelector<HTMLElement>(`mark[data-start="${opts.start}"]`) : null;
    (mark ?? target).scrollIntoView({ block: mark ? 'center' : 'start' });
    return true;
  }
}
