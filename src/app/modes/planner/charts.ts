import { BarController, BarElement, CategoryScale, Chart, type ChartEvent, Legend, LinearScale, Tooltip } from 'chart.js';
import { countBy, crossTab, filterRows, type ProjectRow, without } from '../../../core/analysis/aggregate';
import type { Category } from '../../../core/gazetteer/model';
import { PHASE_LABELS, type Phase, THEME_LABELS, type Theme } from '../../../core/report/vocab';
import type { FacetKey, Filters } from '../../../core/state/filters';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { pt } from './strings';

// Chart.js is tree-shaken: only the bar chart and what it needs are registered.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const PHASE_COLOURS: Record<Phase, string> = {
  review: '#8c6d46',
  tasks: '#c0392b',
  plan: '#2e6f9e',
  preamble: '#999999',
  unknown: '#777777',
};
const PHASE_ORDER: Phase[] = ['review', 'tasks', 'plan'];
const SELECTED = '#1b5e20';

export type OnPick = (patch: Partial<Record<FacetKey, string>>) => void;

/**
 * Three bar charts of the report's projects (one sentence naming one place = one project):
 * theme × phase (stacked), by 街道 and by category. Each chart counts the projects that pass the
 * filters of the OTHER facets (cross-filtering), so its own bars stay visible and the selected
 * ones are drawn in green; a click on a bar sets that facet's filter.
 */
export class PlannerCharts {
  readonly charts: Record<'themePhase' | 'subdistrict' | 'category', Chart<'bar'>>;
  /** The category labels behind each chart's x values, in order (for clicks and tests). */
  readonly keys: Record<'themePhase' | 'subdistrict' | 'category', string[]> = { themePhase: [], subdistrict: [], category: [] };

  constructor(container: HTMLElement, onPick: OnPick) {
    const box = (id: string, title: string, h: number) => {
      const canvas = el('canvas', { id: `chart-${id}`, role: 'img', 'aria-label': title });
      const wrap = el('div', { class: 'planner-chart', style: `height:${h}px` }, canvas);
      container.append(el('h4', {}, title), wrap);
      return canvas;
    };
    const common = (onClick: (ev: ChartEvent, els: { index: number; datasetIndex: number }[]) => void) => ({
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      onClick: (ev: ChartEvent, els: { index: number; datasetIndex: number }[]) => onClick(ev, els),
      onHover: (ev: ChartEvent, els: unknown[]) => {
        const t = ev.native?.target as HTMLElement | undefined;
        if (t) t.style.cursor = els.length ? 'pointer' : 'default';
      },
    });
    const tp = box('theme-phase', pt('projectsByThemePhase'), 220);
    const sd = box('subdistrict', pt('projectsBySubdistrict'), 300);
    const cat = box('category', pt('projectsByPlaceCategory'), 240);
    this.charts = {
      themePhase: new Chart(tp, {
        type: 'bar',
        data: { labels: [], datasets: [] },
        options: {
          ...common((_e, els) => {
            const hit = els[0];
            if (!hit) return;
            const theme = this.keys.themePhase[hit.index];
            const phase = PHASE_ORDER[hit.datasetIndex];
            if (theme && phase) onPick({ theme, phase });
          }),
          scales: { x: { stacked: true, ticks: { autoSkip: false, maxRotation: 40 } }, y: { stacked: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        },
      }),
      subdistrict: new Chart(sd, {
        type: 'bar',
        data: { labels: [], datasets: [] },
        options: {
          ...common((_e, els) => {
            const k = els[0] ? this.keys.subdistrict[els[0].index] : undefined;
            if (k) onPick({ subdistrict: k });
          }),
          indexAxis: 'y',
          scales: { x: { ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
          plugins: { legend: { display: false } },
        },
      }),
      category: new Chart(cat, {
        type: 'bar',
        data: { labels: [], datasets: [] },
        options: {
          ...common((_e, els) => {
            const k = els[0] ? this.keys.category[els[0].index] : undefined;
            if (k) onPick({ category: k });
          }),
          indexAxis: 'y',
          scales: { x: { ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
          plugins: { legend: { display: false } },
        },
      }),
    };
  }

  update(rows: readonly ProjectRow[], f: Filters, subdistrictNames: readonly string[]): void {
    const zh = lang() === 'zh';
    // theme × phase
    const tpRows = filterRows(rows, without(f, 'theme', 'phase'));
    const tab = crossTab(
      tpRows,
      (r) => r.project.theme,
      (r) => r.project.phase,
    );
    const themes = [...tab.keys()].sort((a, b) => sum(tab.get(b)) - sum(tab.get(a))) as Theme[];
    this.keys.themePhase = themes;
    const tpc = this.charts.themePhase;
    tpc.data.labels = themes.map((t) => THEME_LABELS[t][zh ? 'zh' : 'en']);
    tpc.data.datasets = PHASE_ORDER.map((ph) => ({
      label: PHASE_LABELS[ph][zh ? 'zh' : 'en'],
      data: themes.map((t) => tab.get(t)?.get(ph) ?? 0),
      backgroundColor: themes.map((t) =>
        (f.theme.size === 0 || f.theme.has(t)) && (f.phase.size === 0 || f.phase.has(ph)) ? PHASE_COLOURS[ph] : `${PHASE_COLOURS[ph]}40`,
      ),
    }));
    tpc.update();
    // 街道 (all 15, including zeros, in the file's order sorted by count)
    const sdCounts = countBy(filterRows(rows, without(f, 'subdistrict')), (r) => r.properties.subdistrict);
    const sds = [...subdistrictNames].sort((a, b) => (sdCounts.get(b) ?? 0) - (sdCounts.get(a) ?? 0));
    this.keys.subdistrict = sds;
    bars(this.charts.subdistrict, sds, sds, sdCounts, f.subdistrict);
    // category
    const catCounts = countBy(filterRows(rows, without(f, 'category')), (r) => r.properties.category);
    const cats = [...catCounts.keys()].sort((a, b) => (catCounts.get(b) ?? 0) - (catCounts.get(a) ?? 0));
    this.keys.category = cats;
    bars(
      this.charts.category,
      cats,
      cats.map((c) => categoryLabel(c as Category)),
      catCounts,
      f.category,
    );
  }

  destroy(): void {
    for (const c of Object.values(this.charts)) c.destroy();
  }
}

function sum(m: ReadonlyMap<string, number> | undefined): number {
  let s = 0;
  for (const v of m?.values() ?? []) s += v;
  return s;
}

function bars(
  chart: Chart<'bar'>,
  keys: string[],
  labels: string[],
  counts: ReadonlyMap<string, number>,
  selected: ReadonlySet<string>,
): void {
  chart.data.labels = labels;
  chart.data.datasets = [
    {
      label: pt('projects'),
      data: keys.map((k) => counts.get(k) ?? 0),
      backgroundColor: keys.map((k) => (selected.has(k) ? SELECTED : selected.size ? '#c9b79c' : '#9b2226')),
    },
  ];
  chart.update();
}
