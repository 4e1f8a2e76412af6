import type { Changed } from '../core/state/changes';
import type { UrlState } from '../core/state/url';
import { el } from './dom';
import { t } from './i18n';
import { BASEMAP_ATTRIBUTION, basemapLegend } from './map/basemap/index';
import { themeOf } from './map/theme';
import { renderAbout } from './panels/about';
import { renderLegend } from './panels/legend';
import type { Store } from './store';

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's frame, which modes add to: tabs in the side panel (a bottom sheet on a phone), the map panel, the top bar. */
export interface Ui {
  /** Adds a tab to the side panel and returns its panel element. */
  addTab(id: string, label: () => string, onShow?: () => void): HTMLElement;
  showTab(id: string): void;
  mapPanel: HTMLElement;
  topbar: HTMLElement;
}

/**
 * The page's frame: tabs and the phone's bottom sheet, the language, about and legend buttons,
 * the map toggles, and the static text in the current language.
 */
export function mountShell(store: Store): { ui: Ui; update(s: UrlState, changed: Changed): void; repaint(): void } {
  const side = $('side');
  const tabs: string[] = ['report', 'list', 'filters'];
  const tabShown = new Map<string, () => void>();
  const tabLabels = new Map<string, () => string>([
    ['report', () => t('tabReport')],
    ['list', () => t('tabList')],
    ['filters', () => t('tabFilters')],
  ]);
  const showTab = (name: string) => {
    for (const n of tabs) {
      const tab = $(`tab-${n}`);
      tab.setAttribute('aria-selected', String(n === name));
      tab.tabIndex = n === name ? 0 : -1;
      $(n).hidden = n !== name;
    }
    tabShown.get(name)?.();
  };
  for (const n of tabs) $(`tab-${n}`).onclick = () => showTab(n);
  const addTab = (id: string, label: () => string, onShow?: () => void): HTMLElement => {
    const tab = el(
      'button',
      { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': id, 'aria-selected': 'false', tabindex: '-1' },
      label(),
    );
    tab.onclick = () => showTab(id);
    document.querySelector('.tabs')?.append(tab);
    const panel = el('section', { id, role: 'tabpanel', 'aria-labelledby': `tab-${id}`, class: 'pane', hidden: '' });
    side.append(panel);
    tabs.push(id);
    tabLabels.set(id, label);
    if (onShow) tabShown.set(id, onShow);
    return panel;
  };
  $('sheet-toggle').onclick = () => {
    const order = ['peek', 'half', 'full'];
    side.dataset.sheet = order[(order.indexOf(side.dataset.sheet ?? 'half') + 1) % order.length];
  };
  document.querySelector('.tabs')?.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
    const cur = tabs.findIndex((n) => $(`tab-${n}`).getAttribute('aria-selected') === 'true');
    const next = tabs[(cur + (k === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length] ?? 'report';
    showTab(next);
    $(`tab-${next}`).focus();
  });

  $('btn-lang').onclick = () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }, { push: true });
  const about = $('about');
  $('btn-about').onclick = () => {
    about.hidden = false;
    $('about-close').focus();
  };
  $('about-close').onclick = () => {
    about.hidden = true;
    $('btn-about').focus();
  };
  about.onkeydown = (e) => {
    if (e.key === 'Escape') $('about-close').click();
  };
  $('btn-legend').onclick = () => {
    const lg = $('legend');
    lg.hidden = !lg.hidden;
    $('btn-legend').setAttribute('aria-expanded', String(!lg.hidden));
  };
  const storyBox = $<HTMLInputElement>('toggle-story');
  storyBox.onchange = () => store.set({ story: storyBox.checked }, { push: true });
  const outsideBox = $<HTMLInputElement>('toggle-outside');
  outsideBox.onchange = () => store.set({ outside: outsideBox.checked }, { push: true });

  /** Static text in the current language, and the legend of the basemap actually drawn. */
  const repaint = () => {
    const s = store.get();
    $('btn-lang').textContent = t('lang');
    $('btn-about').textContent = t('about');
    $('label-story').textContent = t('story');
    $('label-outside').textContent = t('outside');
    $('btn-legend').textContent = t('legend');
    $('about-close').textContent = t('close');
    $('report-intro').textContent = t('intro');
    const inChinese = $('report-language');
    inChinese.textContent = t('reportInChinese');
    inChinese.hidden = s.lang === 'zh';
    for (const [id, label] of tabLabels) $(`tab-${id}`).textContent = label();
    renderLegend(
      $('legend'),
      basemapLegend(themeOf(s)).map((e) => {
        const sw = el('span', { class: `legend-swatch legend-${e.kind}`, 'aria-hidden': 'true' });
        sw.style.setProperty('--swatch', e.swatch);
        return el('li', {}, sw, s.lang === 'zh' ? e.label_zh : e.label_en);
      }),
    );
    renderAbout(
      $('about-content'),
      BASEMAP_ATTRIBUTION.map((a) => `${a.covers}: ${a.text} (${a.licence})`),
    );
  };
  return {
    ui: {
      addTab,
      showTab,
      mapPanel: document.querySelector('.map-panel') as HTMLElement,
      topbar: document.querySelector('.topbar') as HTMLElement,
    },
    repaint,
    update(s, changed) {
      if (changed.has('lang') || changed.has('mode')) repaint();
      storyBox.checked = s.story;
      outsideBox.checked = s.outside;
      document.body.dataset.mode = s.mode;
    },
  };
}
