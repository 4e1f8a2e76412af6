import { plannerOf } from '../../../core/state/planner';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { CHORO_RAMP, type Choropleth } from './choropleth';
import { DENSITY_RAMP, HEX_RADIUS_M } from './density';
import type { LegendSpec } from './export';
import { pt } from './strings';

/** The planner legend's content: the choropleth's classes, and a line for the density layer. */
export function legendSpec(s: UrlState, ch: Choropleth, filters: string, densityPts: number): LegendSpec & { density: string | null } {
  const o = plannerOf(s);
  const what = o.of === 'places' ? pt('places2') : pt('projects2');
  const weight = o.weight === 'mentions' ? pt('mentions') : pt('projects3');
  return {
    title: o.metric === 'count' ? pt('whatPer', { what }) : pt('whatPerKmPer', { what }),
    items: o.opacity.choropleth === 0 ? [] : ch.labels.map((l, i) => ({ colour: ch.colours[i] ?? CHORO_RAMP[0] ?? '#fff', label: l })),
    note: pt('jenksNaturalBreaksFilterFilters', { filters }),
    density:
      o.opacity.density === 0
        ? null
        : o.density === 'hex'
          ? pt('hexagonsHexRadiusMM', { HEX_RADIUS_M, weight, densityPts })
          : pt('heatmapWeightedByWeightDensitypts', { weight, densityPts }),
  };
}

/** The legend over the map: what each visible analytical layer's colours mean. */
export function paintLegend(box: HTMLElement, spec: ReturnType<typeof legendSpec>): void {
  box.setAttribute('aria-label', pt('plannerLegend'));
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
