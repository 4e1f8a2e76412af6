import type { Category, Precision } from '../../core/gazetteer/model';
import { PHASE_LABELS, type Phase, THEME_LABELS, type Theme } from '../../core/report/model';
import { FACETS, type FacetKey, type Filters, isEmpty } from '../../core/state/filters';
import { el } from '../dom';
import { categoryLabel, lang, precisionLabel, type StringKey, t } from '../i18n';

export interface FilterModel {
  values: Record<FacetKey, string[]>;
  counts: Record<FacetKey, Map<string, number>>;
  filters: Filters;
  shown: number;
}

function label(facet: FacetKey, v: string): string {
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
      return v;
  }
}

const TITLE: Record<FacetKey, StringKey> = {
  theme: 'theme',
  phase: 'phase',
  category: 'category',
  subdistrict: 'subdistrict',
  precision: 'precision',
};

/** Checkbox groups with live counts: OR within a group, AND across groups, one reset. */
export function renderFilters(
  container: HTMLElement,
  m: FilterModel,
  onToggle: (facet: FacetKey, value: string, on: boolean) => void,
  onReset: () => void,
): void {
  const reset = el('button', { type: 'button', class: 'reset-filters' }, t('reset'));
  reset.disabled = isEmpty(m.filters);
  reset.onclick = onReset;
  const groups = FACETS.map((facet) => {
    const selected = m.filters[facet] as ReadonlySet<string>;
    const items = m.values[facet].map((v) => {
      const n = m.counts[facet].get(v) ?? 0;
      const box = el('input', { type: 'checkbox', 'data-facet': facet, value: v }) as HTMLInputElement;
      box.checked = selected.has(v);
      box.onchange = () => onToggle(facet, v, box.checked);
      return el(
        'li',
        {},
        el(
          'label',
          { class: n === 0 && !box.checked ? 'is-zero' : undefined },
          box,
          el('span', { class: 'facet-label' }, label(facet, v)),
          el('span', { class: 'count', 'data-count': String(n) }, String(n)),
        ),
      );
    });
    return el('fieldset', { class: `facet facet-${facet}` }, el('legend', {}, t(TITLE[facet])), el('ul', {}, ...items));
  });
  container.replaceChildren(
    el(
      'div',
      { class: 'filters-head' },
      el('span', { class: 'shown-count', 'aria-live': 'polite' }, `${m.shown} ${t('placesShown')}`),
      reset,
    ),
    ...groups,
  );
}
