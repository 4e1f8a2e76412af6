import type { Category, Precision } from '../../core/gazetteer/model';
import { PHASE_LABELS, type Phase, THEME_LABELS, type Theme } from '../../core/report/vocab';
import type { Changed } from '../../core/state/changes';
import { FACETS, type FacetKey, type Filters, isEmpty } from '../../core/state/filters';
import type { UrlState } from '../../core/state/url';
import { el } from '../dom';
import { categoryLabel, lang, precisionLabel, type StringKey, t } from '../i18n';

function label(facet: FacetKey, v: string, pinyinOf: (sd: string) => string): string {
  switch (facet) {
    case 'theme':
      return THEME_LABELS[v as Theme][lang()];
    case 'phase':
      return PHASE_LABELS[v as Phase][lang()];
    case 'category':
      return categoryLabel(v as Category);
    case 'precision':
      return precisionLabel(v as Precision);
    case 'subdistrict':
      return lang() === 'zh' ? v : `${pinyinOf(v)} ${v}`;
  }
}

const TITLE: Record<FacetKey, StringKey> = {
  theme: 'theme',
  phase: 'phase',
  category: 'category',
  subdistrict: 'subdistrict',
  precision: 'precision',
};

export interface FilterModel {
  values: Record<FacetKey, string[]>;
  counts: Record<FacetKey, Map<string, number>>;
  filters: Filters;
  shown: number;
}

/**
 * Checkbox groups with live counts: OR within a group, AND across groups, one reset, and a button
 * to fit the map to what the filters leave. Built once per language; a change of filters only
 * updates counts and boxes in place, so the box just toggled keeps the keyboard focus.
 */
export class FilterPanel {
  private boxes = new Map<string, { box: HTMLInputElement; count: HTMLElement; label: HTMLElement }>();
  private shown = el('span', { class: 'shown-count', 'aria-live': 'polite' });
  private reset = el('button', { type: 'button', class: 'reset-filters' });
  private fit = el('button', { type: 'button', class: 'fit-filters' });
  private lang: string | undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly h: {
      onToggle(facet: FacetKey, value: string, on: boolean): void;
      onReset(): void;
      onFit(): void;
      pinyinOf(subdistrict: string): string;
    },
  ) {
    this.reset.onclick = h.onReset;
    this.fit.onclick = h.onFit;
  }

  update(s: UrlState, changed: Changed, model: () => FilterModel): void {
    if (s.lang !== this.lang) this.build(model(), s.lang);
    else if (!changed.has('filters') && !changed.has('outside')) return;
    const m = model();
    this.shown.textContent = `${m.shown} ${t('placesShown')}`;
    this.reset.disabled = isEmpty(m.filters);
    this.fit.hidden = isEmpty(m.filters) || m.shown === 0;
    for (const facet of FACETS) {
      const selected = m.filters[facet] as ReadonlySet<string>;
      for (const v of m.values[facet]) {
        const row = this.boxes.get(`${facet}\u0000${v}`);
        if (!row) continue;
        const n = m.counts[facet].get(v) ?? 0;
        row.box.checked = selected.has(v);
        row.count.textContent = String(n);
        row.count.dataset.count = String(n);
        row.label.classList.toggle('is-zero', n === 0 && !row.box.checked);
      }
    }
  }

  private build(m: FilterModel, lang: string): void {
    this.lang = lang;
    this.boxes.clear();
    this.reset.textContent = t('reset');
    this.fit.textContent = t('fitToResult');
    const groups = FACETS.map((facet) => {
      const items = m.values[facet].map((v) => {
        const box = el('input', { type: 'checkbox', 'data-facet': facet, value: v }) as HTMLInputElement;
        box.onchange = () => this.h.onToggle(facet, v, box.checked);
        const count = el('span', { class: 'count' });
        const row = el('label', {}, box, el('span', { class: 'facet-label' }, label(facet, v, this.h.pinyinOf)), count);
        this.boxes.set(`${facet}\u0000${v}`, { box, count, label: row });
        return el('li', {}, row);
      });
      return el('fieldset', { class: `facet facet-${facet}` }, el('legend', {}, t(TITLE[facet])), el('ul', {}, ...items));
    });
    this.host.replaceChildren(el('div', { class: 'filters-head' }, this.shown, this.fit, this.reset), ...groups);
  }
}
