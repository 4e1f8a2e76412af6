import type { Map as MlMap } from 'maplibre-gl';
import { exportGeoJson, PLACE_COLUMNS, PROJECT_COLUMNS, placeRecord, projectRecord, quotesOf, toCsv } from '../../../core/analysis/export';
import type { PlaceFeatureT, ProjectT } from '../../../core/places/model';
import type { ParagraphLike } from '../../../core/report/sentences';
import { THEME_LABELS, THEMES, type Theme } from '../../../core/report/vocab';
import { el } from '../../dom';
import { categoryLabel, lang, precisionLabel } from '../../i18n';
import type { AppContext } from '../context';
import { pt } from './strings';

export interface LegendSpec {
  title: string;
  items: { colour: string; label: string }[];
  note: string;
}

export const ATTRIBUTION_TEXT =
  '街道/区界 © OpenStreetMap contributors, ODbL 1.0 · 地点: 西城报告地图整理 · 报告: 2017 年西城区政府工作报告';

function download(name: string, text: string | Blob, mime: string): void {
  const blob = typeof text === 'string' ? new Blob([text], { type: mime }) : text;
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Metres per CSS pixel at the map's centre (MapLibre's 512 px tiles). */
function metresPerPixel(map: MlMap): number {
  return (40_075_016.686 * Math.cos((map.getCenter().lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

/**
 * The current map as a PNG of the canvas's own size, with legend, scale bar and attribution drawn
 * in. MapLibre's WebGL canvas is not kept after a frame, so the copy is made inside the next
 * 'render' event (render-then-capture), when the frame is still in the buffer; deck.gl's canvas
 * keeps its buffer and is drawn over it.
 */
export function mapPng(map: MlMap, legend: LegendSpec, title: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const out = document.createElement('canvas');
      out.width = src.width;
      out.height = src.height;
      const g = out.getContext('2d');
      if (!g) return reject(new Error('no 2D canvas'));
      g.drawImage(src, 0, 0);
      // deck.gl overlays draw on canvases of their own over the map's (drawing buffer preserved).
      for (const c of map.getContainer().querySelectorAll('canvas'))
        if (c !== src && c.width > 0 && c.height > 0) g.drawImage(c, 0, 0, out.width, out.height);
      const dpr = src.width / src.clientWidth || 1;
      g.scale(dpr, dpr);
      const W = src.clientWidth;
      const H = src.clientHeight;
      const font = (px: number, bold = false) =>
        `${bold ? '600 ' : ''}${px}px "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif`;
      // title
      g.font = font(15, true);
      const tw = g.measureText(title).width;
      g.fillStyle = 'rgba(255,255,255,0.88)';
      g.fillRect(8, 8, tw + 16, 26);
      g.fillStyle = '#222';
      g.fillText(title, 16, 26);
      // legend
      const lh = 18;
      g.font = font(12);
      const lw = Math.max(160, ...legend.items.map((i) => g.measureText(i.label).width + 34), g.measureText(legend.note).width + 16);
      const lhTotal = 26 + legend.items.length * lh + 20;
      const lx = 8;
      const ly = H - 40 - lhTotal;
      g.fillStyle = 'rgba(255,255,255,0.9)';
      g.fillRect(lx, ly, lw, lhTotal);
      g.fillStyle = '#222';
      g.font = font(12, true);
      g.fillText(legend.title, lx + 8, ly + 17);
      g.font = font(12);
      legend.items.forEach((it, i) => {
        const y = ly + 26 + i * lh;
        g.fillStyle = it.colour;
        g.fillRect(lx + 8, y + 2, 18, 12);
        g.strokeStyle = '#777';
        g.strokeRect(lx + 8, y + 2, 18, 12);
        g.fillStyle = '#222';
        g.fillText(it.label, lx + 32, y + 12);
      });
      g.fillStyle = '#555';
      g.font = font(10);
      g.fillText(legend.note, lx + 8, ly + lhTotal - 6);
      // scale bar: the largest round length under 120 px
      const mpp = metresPerPixel(map);
      const nice = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000].filter((m) => m / mpp <= 120).pop() ?? 50;
      const px = nice / mpp;
      const sy = H - 18;
      g.fillStyle = 'rgba(255,255,255,0.85)';
      g.fillRect(8, sy - 16, px + 60, 22);
      g.strokeStyle = '#222';
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(14, sy - 6);
      g.lineTo(14, sy);
      g.lineTo(14 + px, sy);
      g.lineTo(14 + px, sy - 6);
      g.stroke();
      g.fillStyle = '#222';
      g.font = font(11);
      g.fillText(nice >= 1000 ? `${nice / 1000} km` : `${nice} m`, 20 + px, sy);
      // attribution
      g.font = font(10);
      const aw = g.measureText(ATTRIBUTION_TEXT).width;
      g.fillStyle = 'rgba(255,255,255,0.85)';
      g.fillRect(W - aw - 16, H - 20, aw + 12, 16);
      g.fillStyle = '#333';
      g.fillText(ATTRIBUTION_TEXT, W - aw - 10, H - 8);
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    });
    map.triggerRepaint();
  });
}

export interface ExportInputs {
  places: PlaceFeatureT[];
  projects: { project: ProjectT; place: PlaceFeatureT }[];
  filters: string;
}

/** The export buttons: GeoJSON, two CSVs, PNG, and the printable per-theme handout. */
export function renderExport(container: HTMLElement, ctx: AppContext, inputs: () => ExportInputs, legend: () => LegendSpec): void {
  const paragraphs = new Map<string, ParagraphLike>(ctx.data.report.paragraphs.map((p) => [p.id, p]));
  const stamp = () => new Date().toISOString().slice(0, 10);
  const meta = (filters: string) => ({
    title: '西城报告地图 Xicheng Report Atlas — export',
    report: '2017 年北京市西城区政府工作报告 (Xicheng District government work report 2017)',
    filters,
    generated: new Date().toISOString(),
  });
  const btn = (id: string, label: string, fn: () => void | Promise<void>) => {
    const b = el('button', { type: 'button', class: 'btn', id }, label);
    b.onclick = () => {
      Promise.resolve(fn()).catch((e: unknown) => ctx.notice(String(e)));
    };
    return b;
  };
  const themeSelect = el('select', { id: 'handout-theme', 'aria-label': pt('handoutTheme') });
  for (const t of THEMES) {
    if (!ctx.data.places.features.some((p) => p.properties.themes.includes(t))) continue;
    themeSelect.append(el('option', { value: t }, THEME_LABELS[t][lang() === 'zh' ? 'zh' : 'en']));
  }
  container.replaceChildren(
    el('p', { class: 'claim-method' }, pt('exportsThePlacesAndProjects')),
    el(
      'div',
      { class: 'planner-buttons' },
      btn('export-geojson', 'GeoJSON', () => {
        const x = inputs();
        const fc = exportGeoJson(x.places, x.projects, ctx.data.mentions, paragraphs, meta(x.filters));
        download(`xicheng-atlas-${stamp()}.geojson`, JSON.stringify(fc, null, 1), 'application/geo+json');
      }),
      btn('export-csv-places', pt('placesCsv'), () => {
        const x = inputs();
        download(
          `xicheng-atlas-places-${stamp()}.csv`,
          toCsv(
            PLACE_COLUMNS,
            x.places.map((p) => placeRecord(p, ctx.data.mentions, paragraphs)),
          ),
          'text/csv;charset=utf-8',
        );
      }),
      btn('export-csv-projects', pt('projectsCsv'), () => {
        const x = inputs();
        download(
          `xicheng-atlas-projects-${stamp()}.csv`,
          toCsv(
            PROJECT_COLUMNS,
            x.projects.map((r) => projectRecord(r.project, r.place)),
          ),
          'text/csv;charset=utf-8',
        );
      }),
      btn('export-png', pt('mapPng'), async () => {
        const blob = await mapPng(ctx.map, legend(), pt('xichengReportAtlasPlannerView'));
        download(`xicheng-atlas-map-${stamp()}.png`, blob, 'image/png');
      }),
    ),
    el(
      'div',
      { class: 'planner-buttons' },
      themeSelect,
      btn('export-print', pt('printThemeHandout'), () => {
        buildHandout(ctx, themeSelect.value as Theme, paragraphs);
        window.print();
      }),
    ),
  );
}

/** Fills the print-only handout: the theme's places, each with the report's sentences of that theme. */
export function buildHandout(ctx: AppContext, theme: Theme, paragraphs: ReadonlyMap<string, ParagraphLike>): HTMLElement {
  const zh = lang() === 'zh';
  const themeParas = new Set(ctx.data.report.paragraphs.filter((p) => p.theme === theme).map((p) => p.id));
  const places = ctx.data.places.features
    .filter((p) => p.properties.themes.includes(theme))
    .sort(
      (a, b) =>
        (a.properties.subdistrict ?? '~').localeCompare(b.properties.subdistrict ?? '~', 'zh') ||
        a.properties.name.localeCompare(b.properties.name, 'zh'),
    );
  let box = document.getElementById('planner-print');
  if (!box) {
    box = el('section', { id: 'planner-print', class: 'planner-print' });
    document.body.append(box);
  }
  box.replaceChildren(
    el('h1', {}, `${THEME_LABELS[theme].zh} · ${THEME_LABELS[theme].en}`),
    el(
      'p',
      { class: 'print-sub' },
      `西城报告地图 Xicheng Report Atlas — 2017 年西城区政府工作报告 · ${places.length} ${zh ? '个地点' : 'places'}`,
    ),
    ...places.map((p) =>
      el(
        'article',
        { class: 'print-place' },
        el('h2', {}, `${p.properties.name} `, el('small', {}, p.properties.name_en)),
        el(
          'p',
          { class: 'print-meta' },
          [
            categoryLabel(p.properties.category),
            p.properties.subdistrict ?? (p.properties.inXicheng ? '' : zh ? '西城区外' : 'outside Xicheng'),
            precisionLabel(p.properties.precision),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        ...quotesOf(
          p.id,
          ctx.data.mentions.filter((m) => themeParas.has(m.paragraphId)),
          paragraphs,
        ).map((q) => el('blockquote', {}, q)),
      ),
    ),
    el('p', { class: 'print-sub' }, ATTRIBUTION_TEXT),
  );
  return box;
}
