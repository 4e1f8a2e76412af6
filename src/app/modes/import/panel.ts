import type { Addition, StoredReport } from '../../../core/import/model';
import { el } from '../../dom';
import { categoryLabel } from '../../i18n';
import { imt } from './strings';

export interface PanelHandlers {
  /** Shows an opened report, or the bundled one (undefined). */
  onShow(id: string | undefined): void;
  onRemove(id: string): void;
  onYear(id: string, year: number | null): void;
  onPlace(candidate: string): void;
  onCancelPlacing(): void;
  onUndo(additionId: string): void;
  onExportYaml(): void;
  onExportGeojson(): void;
}

const counts = (r: StoredReport) =>
  imt('counts', {
    paragraphs: r.mapped.report.paragraphs.length,
    mentions: r.mapped.mentions.length + r.mapped.districtMentions.length,
    candidates: r.mapped.candidates.length,
  });

export const titleOf = (r: StoredReport) => r.mapped.report.title || r.file;

/** The opened reports by year, and the bundled one: each a button that shows it; the one shown is marked. */
export function renderReports(box: HTMLElement, reports: readonly StoredReport[], shown: string, h: PanelHandlers): void {
  const item = (key: string, label: string, sub: string, id: string | undefined, extra: Node[] = []) => {
    const show = el('button', { type: 'button', class: 'linklike import-show', 'aria-current': String(key === shown) }, label);
    show.onclick = () => h.onShow(id);
    return el(
      'li',
      { 'data-report-id': key, class: key === shown ? 'is-shown' : undefined },
      show,
      el('div', { class: 'muted' }, sub),
      ...extra,
    );
  };
  const list = el('ol', { class: 'import-reports', id: 'import-reports' });
  list.append(item('bundled', imt('bundled'), '', undefined));
  for (const r of reports) {
    const year = r.year ? imt('yearOf', { year: r.year }) : imt('yearUnknown');
    const remove = el('button', { type: 'button', class: 'linklike import-remove' }, imt('remove'));
    remove.onclick = () => h.onRemove(r.id);
    list.append(item(r.id, `${year} · ${titleOf(r)}`, `${r.file} · ${counts(r)}`, r.id, [remove]));
  }
  box.replaceChildren(el('h3', {}, imt('reports')), list);
}

/** The report shown: its year (editable), and its candidates, ranked, each with its sentences and a "place" button. */
export function renderCurrent(box: HTMLElement, r: StoredReport | undefined, placing: string | undefined, h: PanelHandlers): void {
  if (!r) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const year = el('input', { type: 'number', min: '1949', max: '2100', id: 'import-year', value: r.year ? String(r.year) : '' });
  year.onchange = () => {
    const n = Number(year.value);
    h.onYear(r.id, year.value === '' || !Number.isInteger(n) || n < 1949 || n > 2100 ? null : n);
  };
  const head = el(
    'div',
    { class: 'import-current-head' },
    el('h3', {}, titleOf(r)),
    el('label', { class: 'import-year' }, `${imt('year')} `, year),
  );
  const list = el('ol', { class: 'import-candidates', id: 'import-candidates' });
  for (const c of r.mapped.candidates) {
    const place = el('button', { type: 'button', class: 'btn import-place', 'aria-pressed': String(placing === c.name) }, imt('place'));
    place.onclick = () => (placing === c.name ? h.onCancelPlacing() : h.onPlace(c.name));
    list.append(
      el(
        'li',
        { 'data-name': c.name, class: placing === c.name ? 'is-placing' : undefined },
        el(
          'div',
          { class: 'import-candidate-head' },
          el('strong', { lang: 'zh-CN' }, c.name),
          ` · ${categoryLabel(c.category)} · ×${c.count}`,
        ),
        ...c.sentences.map((s) => el('blockquote', { class: 'quote', lang: 'zh-CN' }, s)),
        place,
      ),
    );
  }
  const hint = el('p', { class: 'import-placing', id: 'import-placing', role: 'status' });
  if (placing) {
    const cancel = el('button', { type: 'button', class: 'btn' }, imt('cancel'));
    cancel.onclick = h.onCancelPlacing;
    hint.append(imt('placing', { name: placing }), ' ', cancel);
  }
  box.replaceChildren(
    head,
    el('h4', {}, imt('candidates')),
    el('p', { class: 'muted' }, imt('candidatesNote')),
    hint,
    r.mapped.candidates.length ? list : el('p', { class: 'muted' }, imt('noCandidates')),
  );
}

/** What the planner placed (across reports), each with an undo, and the two exports. */
export function renderAdditions(box: HTMLElement, additions: readonly Addition[], shown: StoredReport | undefined, h: PanelHandlers): void {
  const list = el('ol', { class: 'import-additions', id: 'import-additions' });
  for (const a of additions) {
    const undo = el('button', { type: 'button', class: 'linklike import-undo' }, imt('undo'));
    undo.onclick = () => h.onUndo(a.id);
    const [lng, lat] = a.geometry.coordinates;
    list.append(
      el(
        'li',
        { 'data-id': a.id },
        el('strong', { lang: 'zh-CN' }, a.name),
        ` ${a.name_en} · ${lat?.toFixed(5)}, ${lng?.toFixed(5)} · ±${a.uncertainty_m} m `,
        undo,
      ),
    );
  }
  const yaml = el('button', { type: 'button', class: 'btn', id: 'import-export-yaml' }, imt('exportYaml', { n: additions.length }));
  yaml.disabled = additions.length === 0;
  yaml.onclick = h.onExportYaml;
  const geojson = el('button', { type: 'button', class: 'btn', id: 'import-export-geojson' }, imt('exportGeojson'));
  geojson.disabled = !shown;
  geojson.onclick = h.onExportGeojson;
  box.replaceChildren(
    el('h3', {}, imt('additions')),
    additions.length ? list : el('p', { class: 'muted' }, imt('noAdditions')),
    el('div', { class: 'import-exports' }, yaml, geojson),
    el('p', { class: 'muted' }, imt('exportNote')),
  );
}
