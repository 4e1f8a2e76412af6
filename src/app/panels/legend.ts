import { GROUP_STYLE, GROUPS } from '../../core/places/groups';
import { el } from '../dom';
import { lang, t } from '../i18n';

/** What the colours, icons, halos and dashes on the map mean. */
export function renderLegend(container: HTMLElement, basemapItems: HTMLElement[] = []): void {
  const rows = GROUPS.map((g) => {
    const s = GROUP_STYLE[g];
    const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, s.icon);
    dot.style.background = s.colour;
    dot.style.color = s.ink;
    return el('li', {}, dot, lang() === 'zh' ? s.zh : s.en);
  });
  const halo = el('span', { class: 'legend-halo', 'aria-hidden': 'true' });
  const dash = el('span', { class: 'legend-dash', 'aria-hidden': 'true' });
  container.replaceChildren(
    el('h2', {}, t('legend')),
    el('ul', { class: 'legend-list' }, ...rows),
    el('ul', { class: 'legend-list' }, el('li', {}, halo, t('legendRing')), el('li', {}, dash, t('legendDash'))),
    el('h3', {}, t('baseMap')),
    el('ul', { class: 'legend-list' }, ...basemapItems),
  );
}
