import { GROUP_OF, GROUP_STYLE, GROUPS, type Group } from '../../../core/places/groups';
import type { PlaceFeatureT } from '../../../core/places/model';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { categoryDot } from '../../panels/place-list';
import { kt } from './strings';

/**
 * The on-screen picker that replaces a keyboard: category chips, then the places of the chosen
 * category, most mentioned first, as large buttons.
 */
export function mountPicker(host: HTMLElement, places: readonly PlaceFeatureT[], choose: (id: string) => void) {
  const pickable = places
    .filter((p) => p.geometry !== null || (p.properties.parts?.length ?? 0) > 0)
    .sort((a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'));
  const groupsShown = GROUPS.filter((g) => pickable.some((p) => GROUP_OF[p.properties.category] === g));
  let group: Group | 'all' = 'all';
  let selected: string | undefined;
  const chipsEl = el('div', { class: 'kiosk-chips', role: 'group' });
  const listEl = el('ul', { class: 'kiosk-places' });
  const title = el('h2', { class: 'kiosk-picker-title' });
  host.replaceChildren(title, chipsEl, listEl);
  const chip = (value: Group | 'all', label: string, count: number) => {
    const dot = el(
      'span',
      { class: `dot ${value === 'all' ? 'kiosk-all-dot' : `g-${value}`}`, 'aria-hidden': 'true' },
      value === 'all' ? '全' : GROUP_STYLE[value].icon,
    );
    const b = el(
      'button',
      { type: 'button', class: 'kiosk-chip', 'data-group': value, 'aria-pressed': String(group === value) },
      dot,
      el('span', { class: 'kiosk-chip-label' }, label),
      el('span', { class: 'kiosk-chip-count' }, String(count)),
    );
    b.onclick = () => {
      group = value;
      renderChips();
      renderList();
      listEl.scrollTop = 0;
      host.scrollTop = 0;
    };
    return b;
  };
  const renderChips = () => {
    chipsEl.setAttribute('aria-label', kt('categories'));
    chipsEl.replaceChildren(
      chip('all', kt('all'), pickable.length),
      ...groupsShown.map((g) =>
        chip(
          g,
          lang() === 'zh' ? GROUP_STYLE[g].zh : GROUP_STYLE[g].en,
          pickable.filter((p) => GROUP_OF[p.properties.category] === g).length,
        ),
      ),
    );
  };
  const renderList = () => {
    const items = pickable
      .filter((p) => group === 'all' || GROUP_OF[p.properties.category] === group)
      .map((p) => {
        const pr = p.properties;
        const where = pr.inXicheng ? (pr.subdistrict ?? '') : kt('outside');
        const b = el(
          'button',
          { type: 'button', class: 'kiosk-place', 'data-place-id': p.id, 'aria-pressed': String(p.id === selected) },
          categoryDot(pr.category),
          el('span', { class: 'kiosk-place-name' }, lang() === 'zh' ? pr.name : pr.name_en),
          el(
            'span',
            { class: 'kiosk-place-meta' },
            [lang() === 'zh' ? pr.name_en : pr.name, categoryLabel(pr.category), where].filter(Boolean).join(' · '),
          ),
          el('span', { class: 'kiosk-place-count', title: kt('mentions') }, `${pr.mentions}×`),
        );
        b.onclick = () => choose(p.id);
        return el('li', {}, b);
      });
    listEl.replaceChildren(...items);
  };
  return {
    /** Everything again (a new language, a reset to the start). */
    render(reset = false) {
      if (reset) group = 'all';
      title.textContent = kt('pickerTitle');
      renderChips();
      renderList();
      if (reset) host.scrollTop = 0;
    },
    select(id: string | undefined) {
      selected = id;
      for (const b of listEl.querySelectorAll<HTMLElement>('.kiosk-place'))
        b.setAttribute('aria-pressed', String(b.dataset.placeId === id));
    },
  };
}
