import { pointInArea } from '../../../core/geo/contains';
import type { LngLat } from '../../../core/geo/sphere';
import { summariseSubdistrict } from '../../../core/near/subdistrict';
import { PHASE_LABELS, type Phase, THEME_LABELS } from '../../../core/report/vocab';
import type { AtlasData } from '../../data';
import { el } from '../../dom';
import { lang } from '../../i18n';
import { rt } from './strings';

/** The 街道 the centre is in, and what the report says there: places, sentences by theme and phase, the most named. */
export function renderSubdistrictBox(box: HTMLElement, data: AtlasData, near: LngLat, onSelect: (id: string) => void): void {
  const sd = data.subdistricts.features.find((f) => pointInArea([near.lng, near.lat], f.geometry));
  if (!sd) {
    box.dataset.subdistrict = '';
    box.replaceChildren(el('p', { class: 'muted' }, rt('notInXicheng')));
    return;
  }
  const name = sd.properties.name;
  box.dataset.subdistrict = name;
  const s = summariseSubdistrict(name, data.places.features, data.projects);
  const chips = (pairs: Array<[string, number]>, label: (k: string) => string) =>
    el('ul', { class: 'resident-chips' }, ...pairs.map(([k, n]) => el('li', { class: 'tag' }, `${label(k)} ${n}`)));
  const top = s.top.map((p) => {
    const b = el(
      'button',
      { type: 'button', class: 'linklike', 'data-place-id': p.id },
      lang() === 'zh' ? p.properties.name : p.properties.name_en,
    );
    b.onclick = () => onSelect(p.id);
    return el('li', {}, b, el('span', { class: 'muted' }, ` ${p.properties.mentions}×`));
  });
  const shown = lang() === 'zh' ? name : `${sd.properties.name_en} ${name}`;
  const parts: Array<HTMLElement | null> = [
    el('h3', { class: 'resident-sd-name' }, `${rt('subdistrictIn')} `, el('strong', {}, shown)),
    el('p', { class: 'muted' }, `${rt('sdSummary')} ${s.places.length} ${rt('sdPlaces')} ${s.projects.length} ${rt('sdItems')}`),
    s.byTheme.length
      ? el(
          'div',
          {},
          el('span', { class: 'resident-label' }, rt('byTheme')),
          chips(s.byTheme, (k) => THEME_LABELS[k as keyof typeof THEME_LABELS][lang()]),
        )
      : null,
    s.byPhase.length
      ? el(
          'div',
          {},
          el('span', { class: 'resident-label' }, rt('byPhase')),
          chips(s.byPhase, (k) => PHASE_LABELS[k as Phase][lang()]),
        )
      : null,
    top.length ? el('div', {}, el('span', { class: 'resident-label' }, rt('topItems')), el('ol', { class: 'resident-top' }, ...top)) : null,
  ];
  box.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
}
