import './planner.css';
import { bySubdistrict, filterRows, type ProjectRow, projectRows, toggleFacet } from '../../../core/analysis/aggregate';
import type { Flow } from '../../../core/analysis/flows';
import { FACETS, type FacetKey, type Filters } from '../../../core/state/filters';
import { plannerOf } from '../../../core/state/planner';
import { memoLast } from '../../../core/state/selectors';
import type { UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { arcOrigin } from '../../map-screen';
import { expose, TEST_HOOKS } from '../../test-hooks';
import type { AppContext, ModeView } from '../context';
import { PlannerCharts } from './charts';
import { type Choropleth, choropleth, choroplethGroup } from './choropleth';
import { type ClaimNumbers, renderClaims, renderDensityTable } from './claims';
import { Compare } from './compare';
import { densityPoints, drawDensity } from './density';
import { renderExport } from './export';
import { drawFlows, flowsOf, renderFlowList } from './flows';
import { legendSpec, paintLegend } from './legend';
import { mountOptions } from './options';
import { pt } from './strings';
import { fmt } from './text';

/** What a test build exposes of the planner (window.atlasPlanner). */
export interface PlannerHook {
  ready: boolean;
  choropleth: Record<string, { count: number; perKm2: number }>;
  choroMethod: string;
  charts: PlannerCharts;
  claims?: ClaimNumbers | undefined;
  densityPoints: number;
  flowsDrawn: number;
}

/** Filters as readable text, with names instead of codes (the summary and the exports say what was chosen). */
export function describeFilters(f: Filters): string {
  const parts = FACETS.filter((k) => f[k].size).map((k) => `${k}=${[...f[k]].sort().join(',')}`);
  return parts.join('; ') || pt('none');
}

/** The planner view: built on the first entry into planner mode (this module is loaded lazily). */
export function createPlannerView(ctx: AppContext): ModeView {
  const { data, store, map } = ctx;
  const rows = projectRows(data.projects, data.index.places);
  const flows: Flow[] = flowsOf(data.places.features, data.projects);
  const origin = arcOrigin(data);
  const compare = new Compare(ctx);
  const panel = ctx.ui.addTab('planner', () => pt('planner'));
  panel.classList.add('planner-pane');
  const section = (id: string, title: string, open = true) => {
    const body = el('div', { class: 'planner-body', id: `planner-${id}` });
    const summary = el('summary', {}, title);
    const d = el('details', { class: 'planner-section' }, summary, body);
    d.open = open;
    panel.append(d);
    return body;
  };
  const back = el('button', { type: 'button', class: 'btn', id: 'planner-leave' });
  back.onclick = () => store.set({ mode: 'explore' }, { push: true });
  const cmpBtn = el('button', { type: 'button', class: 'btn', id: 'planner-compare-btn', 'aria-pressed': 'false' });
  cmpBtn.onclick = () => {
    if (compare.open) compare.hide();
    else compare.show();
    cmpBtn.setAttribute('aria-pressed', String(compare.open));
  };
  const summary = el('p', { class: 'planner-summary', id: 'planner-summary' });
  panel.append(el('div', { class: 'planner-head' }, back, cmpBtn), summary);
  const dist = section('distribution', pt('spatialDistribution'));
  const options = mountOptions(dist, store);
  const densityTable = el('div', { class: 'planner-density' });
  dist.append(densityTable);
  const charts = new PlannerCharts(section('charts', pt('chartsClickABarTo')), (patch) => {
    let f = store.get().filters;
    for (const [facet, value] of Object.entries(patch) as [FacetKey, string][]) f = toggleFacet(f, facet, value);
    store.set({ filters: f }, { push: true });
  });
  const claimsBox = section('claims', pt('checkingTheReportSSpatial'));
  const flowsBox = section('flows', pt('outwardFlows'), false);
  const exportBox = section('export', pt('export'));
  const legendBox = el('section', { class: 'planner-legend', id: 'planner-legend', hidden: '' });
  ctx.ui.mapPanel.append(legendBox);

  // --- derived data: pure functions of the state, memoised -----------------------------------------
  const scopedRows = memoLast((outside: boolean): ProjectRow[] => rows.filter((r) => outside || r.place.properties.inXicheng));
  const shownRows = memoLast((outside: boolean, f: Filters) => filterRows(scopedRows(outside), f));
  const subs = data.subdistricts.features.map((f) => f.properties);
  const choro = memoLast((places: UrlState['filters'], outside: boolean, of: string, metric: 'count' | 'perKm2'): Choropleth => {
    const s = { ...store.get(), filters: places, outside };
    const per = of === 'places' ? bySubdistrict(ctx.selectors.visible(s), subs) : bySubdistrict(shownRows(outside, places), subs);
    return choropleth(data.subdistricts, per, metric);
  });
  const current = () => {
    const s = store.get();
    const o = plannerOf(s);
    return choro(s.filters, s.outside, o.of, o.metric);
  };
  ctx.composer.provide('planner-choropleth', (c) => choroplethGroup(c, current));
  const inputs = () => {
    const s = store.get();
    return { places: ctx.selectors.visible(s), projects: shownRows(s.outside, s.filters), filters: describeFilters(s.filters) };
  };
  renderExport(exportBox, ctx, inputs, () => legendSpec(store.get(), current(), describeFilters(store.get().filters), 0));
  renderFlowList(flowsBox, flows, (id) => ctx.select(id));
  const hook: PlannerHook = { ready: false, choropleth: {}, choroMethod: '', charts, densityPoints: 0, flowsDrawn: 0 };
  let claimsDone = false;

  const redraw = (s: UrlState) => {
    const o = plannerOf(s);
    const places = ctx.selectors.visible(s);
    const projRows = shownRows(s.outside, s.filters);
    const perPlace = new Map<string, number>();
    for (const r of projRows) perPlace.set(r.place.id, (perPlace.get(r.place.id) ?? 0) + 1);
    const ch = current();
    renderDensityTable(densityTable, bySubdistrict(places, subs));
    charts.update(
      scopedRows(s.outside),
      s.filters,
      subs.map((x) => x.name),
    );
    summary.textContent = pt('filterDescribefiltersLengthPlacesLength2', {
      describeFilters: describeFilters(s.filters),
      length: places.length,
      length2: projRows.length,
    });
    const pts = densityPoints(places, o.weight, perPlace);
    void drawDensity(ctx.deck, o, pts);
    const shown = s.outside ? ctx.selectors.visibleIds(s) : null;
    void drawFlows(ctx.deck, flows, shown, origin, o.opacity.flows, (id) => ctx.select(id)).then((n) => {
      hook.flowsDrawn = n;
    });
    paintLegend(legendBox, legendSpec(s, ch, describeFilters(s.filters), pts.length));
    Object.assign(hook, {
      ready: true,
      densityPoints: pts.length,
      choropleth: Object.fromEntries(ch.values.map((x) => [x.name, { count: x.count, perKm2: x.perKm2 }])),
      choroMethod: `${ch.classes.method}:${ch.classes.breaks.join(',')}`,
    });
    if (TEST_HOOKS) expose('atlasPlanner', hook);
  };

  return {
    update(s, prev, changed) {
      const entering = prev?.mode !== 'planner';
      if (entering) {
        document.body.classList.add('is-planner');
        legendBox.hidden = false;
        ctx.ui.showTab('planner');
        map.resize();
      }
      if (entering || changed.has('lang')) {
        back.textContent = pt('backToExplore');
        cmpBtn.textContent = pt('compareDonePlanned');
      }
      options.update(s);
      if (entering || ['filters', 'outside', 'lang', 'planner'].some((k) => changed.has(k as keyof UrlState))) redraw(s);
      if (!claimsDone) {
        claimsDone = true;
        // The district-wide sampling runs after the first paint of the planner view.
        requestAnimationFrame(() => {
          const n = renderClaims(claimsBox, data);
          hook.claims = n;
          claimsBox.dataset.done = `${fmt(n.parkShare * 100, 1)}`;
        });
      }
    },
    leave() {
      document.body.classList.remove('is-planner');
      legendBox.hidden = true;
      void ctx.deck.set('density', []);
      void ctx.deck.set('flows', []);
      compare.hide();
      cmpBtn.setAttribute('aria-pressed', 'false');
      ctx.ui.showTab('report');
      map.resize();
    },
  };
}
