import './planner.css';
import { bySubdistrict, filterRows, projectRows, toggleFacet } from '../../../core/analysis/aggregate';
import { FACETS, type FacetKey, type Filters } from '../../../core/state/filters';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import type { AppContext } from '../context';
import { PlannerCharts } from './charts';
import { CHORO_RAMP, type ChoroMetric, type ChoroResult, drawChoropleth, hideChoropleth } from './choropleth';
import { type ClaimNumbers, renderClaims, renderDensityTable } from './claims';
import { Compare } from './compare';
import { PlannerDeck } from './deck';
import { DENSITY_RAMP, type DensityKind, drawDensity, HEX_RADIUS_M, type Weight } from './density';
import { type LegendSpec, renderExport } from './export';
import { renderFlows } from './flows';
import { fmt, tr } from './text';

declare global {
  interface Window {
    /** Test and console handle for the planner view. */
    atlasPlanner?: {
      ready: boolean;
      choropleth: Record<string, { count: number; perKm2: number }>;
      choroMethod: string;
      charts: PlannerCharts;
      claims?: ClaimNumbers | undefined;
      densityPoints: number;
    };
  }
}

interface Options {
  kind: DensityKind;
  weight: Weight;
  metric: ChoroMetric;
  of: 'places' | 'projects';
}

const describeFilters = (f: Filters) =>
  FACETS.filter((k) => f[k].size)
    .map((k) => `${k}=${[...f[k]].sort().join(',')}`)
    .join('; ') || 'none';

/** The planner view: built on the first entry into planner mode (this module is loaded lazily). */
export function createPlanner(ctx: AppContext): { render(s: UrlState, prev: UrlState | undefined): void; leave(): void } {
  const { data, store, map } = ctx;
  const opts: Options = { kind: 'hex', weight: 'mentions', metric: 'count', of: 'places' };
  const deck = new PlannerDeck(map);
  const rows = projectRows(data.projects, data.index.places);
  const sdNames = data.subdistricts.features.map((f) => f.properties.name);
  const label = data.subdistricts.features.find((f) => f.properties.short === '金融街')?.properties.label;
  const c = map.getCenter();
  const origin: [number, number] = label ? [label[0], label[1]] : [c.lng, c.lat];
  const compare = new Compare(ctx);

  // --- the panel ---------------------------------------------------------------------------------
  const panel = ctx.ui.addTab('planner', () => tr('规划', 'Planner'));
  panel.classList.add('planner-pane');
  const section = (id: string, title: string, open = true) => {
    const body = el('div', { class: 'planner-body', id: `planner-${id}` });
    const d = el('details', { class: 'planner-section' }, el('summary', {}, title), body);
    d.open = open;
    panel.append(d);
    return body;
  };
  const back = el('button', { type: 'button', class: 'btn', id: 'planner-leave' }, tr('← 返回浏览', '← Back to explore'));
  back.onclick = () => store.set({ mode: 'explore' }, { push: true });
  const cmpBtn = el(
    'button',
    { type: 'button', class: 'btn', id: 'planner-compare-btn', 'aria-pressed': 'false' },
    tr('对比:已完成 / 计划', 'Compare done / planned'),
  );
  cmpBtn.onclick = () => {
    if (compare.open) compare.hide();
    else compare.show();
    cmpBtn.setAttribute('aria-pressed', String(compare.open));
  };
  const summary = el('p', { class: 'planner-summary', id: 'planner-summary' });
  panel.append(el('div', { class: 'planner-head' }, back, cmpBtn), summary);

  const radios = <K extends keyof Options>(key: K, name: string, choices: [Options[K], string][]) =>
    el(
      'fieldset',
      { class: 'planner-radios' },
      el('legend', {}, name),
      ...choices.map(([v, text]) => {
        const input = el('input', { type: 'radio', name: `planner-${key}`, value: String(v), id: `planner-${key}-${String(v)}` });
        input.checked = opts[key] === v;
        input.onchange = () => {
          opts[key] = v;
          update(store.get());
        };
        return el('label', {}, input, ` ${text}`);
      }),
    );
  const dist = section('distribution', tr('空间分布', 'Spatial distribution'));
  dist.append(
    radios('kind', tr('密度', 'Density'), [
      ['hex', tr('六边形', 'Hexagons')],
      ['heat', tr('热力图', 'Heatmap')],
      ['off', tr('关', 'Off')],
    ]),
    radios('weight', tr('权重', 'Weight'), [
      ['mentions', tr('提及次数', 'Mentions')],
      ['projects', tr('项目数', 'Projects')],
    ]),
    radios('of', tr('街道分级图', '街道 choropleth'), [
      ['places', tr('地点', 'Places')],
      ['projects', tr('项目', 'Projects')],
    ]),
    radios('metric', tr('数值', 'Value'), [
      ['count', tr('总数', 'Count')],
      ['perKm2', tr('每平方公里', 'Per km²')],
    ]),
  );
  const densityTable = el('div', { class: 'planner-density' });
  dist.append(densityTable);
  const charts = new PlannerCharts(section('charts', tr('图表(点击柱子筛选地图)', 'Charts (click a bar to filter the map)')), (patch) => {
    let f = store.get().filters;
    for (const [facet, value] of Object.entries(patch) as [FacetKey, string][]) f = toggleFacet(f, facet, value);
    store.set({ filters: f }, { push: true });
  });
  const claimsBox = section('claims', tr('报告的空间表述核对', "Checking the report's spatial claims"));
  claimsBox.append(el('p', { class: 'muted' }, tr('计算中…', 'Computing…')));
  const flowsBox = section('flows', tr('向区外的流向', 'Outward flows'), false);
  const exportBox = section('export', tr('导出', 'Export'));

  // --- the map legend ------------------------------------------------------------------------------
  const legendBox = el('section', { class: 'planner-legend', id: 'planner-legend', 'aria-label': tr('规划图例', 'Planner legend') });
  ctx.ui.mapPanel.append(legendBox);
  let lastChoro: ChoroResult | undefined;
  const legendSpec = (): LegendSpec => {
    const what = opts.of === 'places' ? tr('地点', 'places') : tr('项目', 'projects');
    return {
      title:
        opts.metric === 'count' ? tr(`各街道${what}数`, `${what} per 街道`) : tr(`各街道每平方公里${what}数`, `${what} per km² per 街道`),
      items: (lastChoro?.labels ?? []).map((l, i) => ({ colour: lastChoro?.colours[i] ?? CHORO_RAMP[0] ?? '#fff', label: l })),
      note: tr(
        `Jenks 自然断点分级 · 筛选: ${describeFilters(store.get().filters)}`,
        `Jenks natural breaks · filter: ${describeFilters(store.get().filters)}`,
      ),
    };
  };
  const paintLegend = (densityPts: number) => {
    const spec = legendSpec();
    const ramp = (cols: string[]) => el('span', { class: 'ramp' }, ...cols.map((c2) => el('i', { style: `background:${c2}` })));
    legendBox.replaceChildren(
      el('h4', {}, spec.title),
      el(
        'ul',
        { class: 'legend-classes' },
        ...spec.items.map((it) => el('li', {}, el('i', { class: 'swatch', style: `background:${it.colour}` }), it.label)),
      ),
      el('p', { class: 'planner-legend-note' }, spec.note),
      opts.kind === 'off'
        ? ''
        : el(
            'p',
            { class: 'planner-legend-note' },
            ramp(DENSITY_RAMP.map((x) => `rgb(${x.join(',')})`)),
            ' ',
            opts.kind === 'hex'
              ? tr(
                  `六边形(半径 ${HEX_RADIUS_M} 米):${opts.weight === 'mentions' ? '提及次数' : '项目数'}之和,低 → 高;${densityPts} 个地点`,
                  `Hexagons (${HEX_RADIUS_M} m): sum of ${opts.weight}, low → high; ${densityPts} sites`,
                )
              : tr(
                  `热力图:按${opts.weight === 'mentions' ? '提及次数' : '项目数'}加权;${densityPts} 个地点`,
                  `Heatmap weighted by ${opts.weight}; ${densityPts} sites`,
                ),
          ),
    );
  };

  // --- derived data ------------------------------------------------------------------------------
  const scopedRows = (s: UrlState) => rows.filter((r) => s.outside || r.place.properties.inXicheng);
  const inputs = () => {
    const s = store.get();
    return { places: ctx.visiblePlaces(), projects: filterRows(scopedRows(s), s.filters), filters: describeFilters(s.filters) };
  };
  renderExport(exportBox, ctx, inputs, legendSpec);

  let densityPts = 0;
  let densityToken = 0;
  const update = (s: UrlState) => {
    const places = ctx.visiblePlaces();
    const projRows = filterRows(scopedRows(s), s.filters);
    const perPlace = new Map<string, number>();
    for (const r of projRows) perPlace.set(r.place.id, (perPlace.get(r.place.id) ?? 0) + 1);
    const subs = data.subdistricts.features.map((f) => f.properties);
    const perSdPlaces = bySubdistrict(places, subs);
    const perSd = opts.of === 'places' ? perSdPlaces : bySubdistrict(projRows, subs);
    lastChoro = drawChoropleth(map, data.subdistricts, perSd, opts.metric);
    renderDensityTable(densityTable, perSdPlaces);
    charts.update(scopedRows(s), s.filters, sdNames);
    summary.textContent = tr(
      `当前筛选:${describeFilters(s.filters)} · ${places.length} 个地点 · ${projRows.length} 个项目`,
      `Filter: ${describeFilters(s.filters)} · ${places.length} places · ${projRows.length} projects`,
    );
    const token = ++densityToken;
    void deck
      .init()
      .then(() => drawDensity(deck, opts.kind, opts.weight, places, perPlace))
      .then((n) => {
        if (token !== densityToken) return;
        densityPts = n;
        paintLegend(n);
        if (window.atlasPlanner) window.atlasPlanner.densityPoints = n;
      });
    paintLegend(densityPts);
    window.atlasPlanner = {
      ready: true,
      choropleth: Object.fromEntries(perSd.map((x) => [x.name, { count: x.count, perKm2: x.perKm2 }])),
      choroMethod: `${lastChoro.classes.method}:${lastChoro.classes.breaks.join(',')}`,
      charts,
      claims: window.atlasPlanner?.claims,
      densityPoints: densityPts,
    };
  };

  let claimsDone = false;
  let flowsDone = false;
  return {
    render(s, prev) {
      const entering = prev?.mode !== 'planner' || !panel.dataset.entered;
      if (entering) {
        panel.dataset.entered = 'true';
        document.body.classList.add('is-planner');
        legendBox.hidden = false;
        ctx.ui.showTab('planner');
        map.resize();
        void deck.init().then(() => {
          if (!flowsDone) {
            flowsDone = true;
            void renderFlows(flowsBox, ctx, deck, origin);
          }
        });
      }
      if (entering || s.filters !== prev?.filters || s.outside !== prev?.outside || s.lang !== prev?.lang) update(s);
      if (!claimsDone) {
        claimsDone = true;
        // The district-wide sampling runs after the first paint of the planner view.
        setTimeout(() => {
          const n = renderClaims(claimsBox, data);
          if (window.atlasPlanner) window.atlasPlanner.claims = n;
          claimsBox.dataset.done = `${fmt(n.parkShare * 100, 1)}`;
        }, 50);
      }
    },
    leave() {
      delete panel.dataset.entered;
      document.body.classList.remove('is-planner');
      legendBox.hidden = true;
      hideChoropleth(map);
      deck.clear();
      flowsDone = false;
      compare.hide();
      cmpBtn.setAttribute('aria-pressed', 'false');
      ctx.ui.showTab('report');
      map.resize();
    },
  };
}
