import type { DistrictEntry } from '../../core/gazetteer/district';
import { describeEntry, KIND_CATEGORY } from '../../core/gazetteer/district-kinds';
import { GROUP_OF, GROUP_STYLE } from '../../core/places/groups';
import type { PlaceFeatureT } from '../../core/places/model';
import { searchWithDistrict } from '../../core/state/search';
import { el } from '../dom';
import { categoryLabel, lang, t } from '../i18n';

/** The district-wide gazetteer: loaded on the first search, chosen entries shown by the caller. */
export interface DistrictSearch {
  load(): Promise<DistrictEntry[]>;
  onChoose(e: DistrictEntry): void;
}

/**
 * A combobox: type Chinese, pinyin (shichahai), initials (sch) or English; arrows and Enter on a
 * keyboard, a tap on touch. Choosing a result selects the place and flies to it.
 */
export function mountSearch(
  host: HTMLElement,
  places: () => PlaceFeatureT[],
  onChoose: (id: string) => void,
  district?: DistrictSearch,
): { refresh(): void } {
  const input = el('input', {
    type: 'search',
    id: 'search-input',
    class: 'search-input',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
  }) as HTMLInputElement;
  const list = el('ul', { id: 'search-results', class: 'search-results', role: 'listbox', hidden: '' });
  let active = -1;
  let ids: string[] = [];
  let entries: DistrictEntry[] = [];
  const entryById = new Map<string, DistrictEntry>();

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const choose = (id: string | undefined) => {
    if (!id) return;
    close();
    input.blur();
    const entry = entryById.get(id);
    if (entry) district?.onChoose(entry);
    else onChoose(id);
  };
  const paint = () => {
    for (const [i, li] of [...list.children].entries()) {
      li.setAttribute('aria-selected', String(i === active));
      if (i === active) input.setAttribute('aria-activedescendant', li.id);
    }
  };
  const update = () => {
    const all = places();
    const byId = new Map(all.map((p) => [p.id, p]));
    const hits = searchWithDistrict(all, entries, input.value);
    ids = hits.map((h) => h.id);
    active = hits.length ? 0 : -1;
    const items = hits.map((h, i) => {
      const p = byId.get(h.id);
      const e = entryById.get(h.id);
      const category = p ? p.properties.category : KIND_CATEGORY[(e as DistrictEntry).kind];
      const style = GROUP_STYLE[GROUP_OF[category]];
      const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style.icon);
      dot.style.background = style.colour;
      dot.style.color = style.ink;
      // A district entry says what it is (社区 · 展览路街道), since the report does not name it.
      const meta = p
        ? `${p.properties.name_en} · ${categoryLabel(p.properties.category)}`
        : `${(e as DistrictEntry).name_en} · ${describeEntry(e as DistrictEntry, lang() === 'zh' ? 'zh' : 'en')}`;
      const li = el(
        'li',
        { id: `search-opt-${i}`, role: 'option', ...(p ? { 'data-place-id': h.id } : { 'data-district-id': h.id }) },
        dot,
        el('span', { class: 'result-name' }, p ? p.properties.name : (e as DistrictEntry).name),
        el('span', { class: 'result-meta' }, meta),
      );
      li.onpointerdown = (e) => {
        e.preventDefault(); // keep focus so the click is not lost to blur
        choose(h.id);
      };
      return li;
    });
    if (input.value.trim() !== '' && items.length === 0)
      items.push(el('li', { class: 'no-results', role: 'option', 'aria-disabled': 'true' }, t('noResults')));
    list.replaceChildren(...items);
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    paint();
  };
  input.oninput = () => {
    update();
    // The district gazetteer comes in on the first search; the results are redrawn when it is in.
    if (district && entries.length === 0)
      district.load().then(
        (list) => {
          entries = list;
          for (const e of list) entryById.set(e.id, e);
          if (input.value.trim() !== '') update();
        },
        (err: unknown) => console.error(err),
      );
  };
  input.onkeydown = (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (ids.length) active = (active + (e.key === 'ArrowDown' ? 1 : -1) + ids.length) % ids.length;
      paint();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(ids[Math.max(active, 0)]);
    } else if (e.key === 'Escape') close();
  };
  input.onblur = () => setTimeout(close, 150);
  const label = el('label', { class: 'visually-hidden', for: 'search-input' }, t('search'));
  host.replaceChildren(label, input, list);
  const refresh = () => {
    input.placeholder = t('search');
    label.textContent = t('search');
  };
  refresh();
  return { refresh };
}
