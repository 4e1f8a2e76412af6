import {
  CHORO_METRICS,
  CHORO_OF,
  DENSITY_KINDS,
  PLANNER_LAYERS,
  type PlannerLayer,
  type PlannerOptions,
  plannerOf,
  WEIGHTS,
} from '../../../core/state/planner';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import type { Store } from '../../store';
import { type PlannerString, pt } from './strings';

const LAYER_NAMES: Record<PlannerLayer, PlannerString> = { choropleth: 'layerChoropleth', density: 'layerDensity', flows: 'layerFlows' };

const CHOICES = {
  density: [
    ['hex', 'hex'],
    ['heat', 'heat'],
  ],
  weight: [
    ['mentions', 'mentionsChoice'],
    ['projects', 'projectsChoice'],
  ],
  of: [
    ['places', 'placesChoice'],
    ['projects', 'projectsOfChoice'],
  ],
  metric: [
    ['count', 'count'],
    ['perKm2', 'perKm2'],
  ],
} as const;
// The choices must cover the option values the URL accepts (a test keeps them in step).
export const CHOICE_VALUES = { density: DENSITY_KINDS, weight: WEIGHTS, of: CHORO_OF, metric: CHORO_METRICS };

type Choice = keyof typeof CHOICES;
const TITLES: Record<Choice, PlannerString> = { density: 'optDensity', weight: 'optWeight', of: 'optOf', metric: 'optMetric' };
/** The radio ids keep the names of the options they set (`planner-kind-hex` for the density kind). */
const ID: Record<Choice, string> = { density: 'kind', weight: 'weight', of: 'of', metric: 'metric' };

/**
 * The planner's controls, all writing to the state (so a link restores them): the analysis
 * options as radio groups, and a layer list with each analytical layer's visibility and opacity,
 * so layers can be told apart instead of stacking into a muddle.
 */
export function mountOptions(host: HTMLElement, store: Store): { update(s: UrlState): void } {
  const set = (patch: Partial<PlannerOptions>) => {
    const cur = plannerOf(store.get());
    store.set({ planner: { ...cur, ...patch, opacity: { ...cur.opacity, ...(patch.opacity ?? {}) } } }, { push: true });
  };
  const radios = new Map<string, HTMLInputElement>();
  const groups = (Object.keys(CHOICES) as Choice[]).map((key) => {
    const legend = el('legend', {});
    const labels = CHOICES[key].map(([value, label]) => {
      const input = el('input', { type: 'radio', name: `planner-${ID[key]}`, value, id: `planner-${ID[key]}-${value}` });
      input.onchange = () => set({ [key]: value } as Partial<PlannerOptions>);
      radios.set(`${key}:${value}`, input);
      const text = el('span', {});
      return { label: el('label', {}, input, ' ', text), text, name: label as PlannerString };
    });
    return { key, legend, labels, fieldset: el('fieldset', { class: 'planner-radios' }, legend, ...labels.map((l) => l.label)) };
  });
  const rows = PLANNER_LAYERS.map((layer) => {
    const on = el('input', { type: 'checkbox', id: `planner-layer-${layer}` });
    const range = el('input', { type: 'range', min: '0', max: '100', step: '5', id: `planner-opacity-${layer}` });
    const name = el('span', { class: 'layer-name' });
    on.onchange = () =>
      set({ opacity: { [layer]: on.checked ? Math.max(0.2, lastOn.get(layer) ?? 0.6) : 0 } as PlannerOptions['opacity'] });
    range.oninput = () => set({ opacity: { [layer]: Number(range.value) / 100 } as PlannerOptions['opacity'] });
    range.setAttribute('aria-labelledby', `planner-layer-label-${layer}`);
    name.id = `planner-layer-label-${layer}`;
    return {
      layer,
      on,
      range,
      name,
      row: el('li', { class: 'planner-layer', 'data-layer': layer }, el('label', {}, on, ' ', name), range),
    };
  });
  const lastOn = new Map<PlannerLayer, number>();
  const layersTitle = el('h4', {});
  host.append(
    el('div', { class: 'planner-layers' }, layersTitle, el('ul', {}, ...rows.map((r) => r.row))),
    ...groups.map((g) => g.fieldset),
  );
  return {
    update(s) {
      const o = plannerOf(s);
      layersTitle.textContent = pt('layersOnOffAndOpacity');
      for (const g of groups) {
        g.legend.textContent = pt(TITLES[g.key]);
        for (const l of g.labels) l.text.textContent = pt(l.name);
      }
      for (const [k, input] of radios) {
        const [key, value] = k.split(':') as [Choice, string];
        input.checked = o[key] === value;
      }
      for (const r of rows) {
        const v = o.opacity[r.layer];
        if (v > 0) lastOn.set(r.layer, v);
        r.on.checked = v > 0;
        r.range.value = String(Math.round(v * 100));
        r.range.disabled = v === 0;
        r.name.textContent = pt(LAYER_NAMES[r.layer]);
      }
    },
  };
}
