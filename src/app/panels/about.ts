import { el } from '../dom';
import { t } from '../i18n';

export const ATTRIBUTION = [
  '街道、区界、地铁站、水系: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)',
  'Subdistricts, outline, stations, water: © OpenStreetMap contributors, ODbL 1.0',
  '地点坐标: 本项目整理,来源见各地点卡片 · Place coordinates: curated by this project, sources on each card',
];

/** What this is, how to use it, and where every piece of data comes from. */
export function renderAbout(container: HTMLElement, extraAttribution: string[] = []): void {
  container.replaceChildren(
    el('h2', { id: 'about-title' }, t('aboutTitle')),
    el('p', {}, t('aboutWhat')),
    el('h3', {}, t('aboutHow')),
    el('ul', {}, ...(['aboutMention', 'aboutMap', 'aboutFilter', 'aboutLink'] as const).map((k) => el('li', {}, t(k)))),
    el('h3', {}, t('aboutSources')),
    el('ul', { class: 'attribution-list' }, ...[...ATTRIBUTION, ...extraAttribution].map((a) => el('li', {}, a))),
    el('p', { class: 'muted' }, t('aboutNote')),
  );
}
