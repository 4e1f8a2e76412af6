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
    el(
      'ul',
      { class: 'legend-list' },
      el('li', {}, halo, lang() === 'zh' ? '浅色圆圈:大致位置的误差范围' : 'Soft circle: uncertainty of an approximate location'),
      el('li', {}, dash, lang() === 'zh' ? '虚线:大致走向' : 'Dashed line: approximate course'),
    ),
    el('h3', {}, lang() === 'zh' ? '底图' : 'Base map'),
    el('ul', { class: 'legend-list' }, ...basemapItems),
  );
}
