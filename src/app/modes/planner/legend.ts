import { plannerOf } from '../../../core/state/planner';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { CHORO_RAMP, type Choropleth } from './choropleth';
import { DENSITY_RAMP, HEX_RADIUS_M } from './density';
import type { LegendSpec } from './export';
import { tr } from './text';

/** The planner legend's content: the choropleth's classes, and a line for the density layer. */
export function legendSpec(s: UrlState, ch: Choropleth, filters: string, densityPts: number): LegendSpec & { density: string | null } {
  const o = plannerOf(s);
  const what = o.of === 'places' ? tr('地点', 'places') : tr('项目', 'projects');
  const weight = o.weight === 'mentions' ? tr('提及次数', 'mentions') : tr('项目数', 'projects');
  return {
    title: o.metric === 'count' ? tr(`各街道${what}数`, `${what} per 街道`) : tr(`各街道每平方公里${what}数`, `${what} per km² per 街道`),
    items: o.opacity.choropleth === 0 ? [] : ch.labels.map((l, i) => ({ colour: ch.colours[i] ?? CHORO_RAMP[0] ?? '#fff', label: l })),
    note: tr(`Jenks 自然断点分级 · 筛选: ${filters}`, `Jenks natural breaks · filter: ${filters}`),
    density:
      o.opacity.density === 0
        ? null
        : o.density === 'hex'
          ? tr(
              `六边形(半径 ${HEX_RADIUS_M} 米):${weight}之和,低 → 高;${densityPts} 个地点`,
              `Hexagons (${HEX_RADIUS_M} m): sum of ${weight}, low → high; ${densityPts} sites`,
            )
          : tr(`热力图:按${weight}加权;${densityPts} 个地点`, `Heatmap weighted by ${weight}; ${densityPts} sites`),
  };
}

/** The legend over the map: what each visible analytical layer's colours mean. */
export function paintLegend(box: HTMLElement, spec: ReturnType<typeof legendSpec>): void {
  box.setAttribute('aria-label', tr('规划图例', 'Planner legend'));
  const ramp = el('span', { class: 'ramp' }, ...DENSITY_RAMP.map((x) => el('i', { style: `background:rgb(${x.join(',')})` })));
  box.replaceChildren(
    el('h4', {}, spec.title),
    el(
      'ul',
      { class: 'legend-classes' },
      ...spec.items.map((it) => el('li', {}, el('i', { class: 'swatch', style: `background:${it.colour}` }), it.label)),
    ),
    el('p', { class: 'planner-legend-note' }, spec.note),
    spec.density ? el('p', { class: 'planner-legend-note' }, ramp, ' ', spec.density) : '',
  );
}
