import './import.css';
import type { DistrictEntry } from '../../../core/gazetteer/district';
import type { LinkableEntry, ParsablePlace } from '../../../core/geoparse/geoparse';
import type { Mention } from '../../../core/geoparse/matcher';
import { linkKeyOf, parsablePlaces, textKey } from '../../../core/import/map-report';
import type { StoredReport } from '../../../core/import/model';
import type { UrlState } from '../../../core/state/url';
import { loadDistrictEntries } from '../../district';
import { el } from '../../dom';
import type { MapGesture } from '../../map/interaction';
import { expose, TEST_HOOKS } from '../../test-hooks';
import type { AppContext, ModeView } from '../context';
import { ReportReader } from './client';
import { docOf } from './doc';
import { downloadGeoJson, downloadYaml } from './exports';
import { receive } from './inbox';
import { InfoBox } from './info';
import { type ImportMapData, importMapData, provideImportLayer } from './layer';
import type { Library } from './library';
import { mountOpenBox, type Source } from './open-box';
import { type PanelHandlers, renderAdditions, renderCurrent, renderReports, titleOf } from './panel';
import { placeCandidate, tappedAddition } from './placing';
import { readSource } from './read';
import { imt } from './strings';

/** What a test build exposes of the import (window.atlasImport). */
export interface ImportHook {
  ready: boolean;
  /** Reports read by the worker in this page, and the last one's figures. */
  reads: number;
  last?: { file: string; paragraphs: number; ms: number };
  shown?: string | undefined;
  placing?: string | undefined;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The import view: built on the first entry into the mode (loaded lazily, with the library opened). */
export function createImportView(ctx: AppContext, opened: { library: Library; error?: string | undefined }): ModeView {
  if (opened.error) ctx.notice(imt('storeFailed', { reason: opened.error }));
  return new ImportView(ctx, opened.library);
}

/**
 * A report opened in the browser, read by the worker, shown in the report panel in place of the
 * bundled one (and back), its candidates listed and placed by tapping the map, the additions and the
 * mapped report exported; every opened report kept in the library and listed by year.
 */
class ImportView implements ModeView {
  private district: DistrictEntry[] = [];
  private readonly reader: ReportReader;
  private readonly atlasPlaces: ParsablePlace[];
  private readonly dom: ReturnType<ImportView['mountDom']>;
  private readonly info: InfoBox;
  private readonly layer: ReturnType<typeof provideImportLayer>;
  private mapData: ImportMapData | undefined;
  private readonly openBox: ReturnType<typeof mountOpenBox>;
  private shown: StoredReport | undefined;
  private placing: string | undefined;
  private active = false;
  private queue = Promise.resolve();
  /** Requests that came before the mode was on, done on entering. */
  private waiting: Array<() => void> = [];
  private readonly hook: ImportHook = { ready: false, reads: 0 };
  private readonly handlers: PanelHandlers;

  constructor(
    private readonly ctx: AppContext,
    private readonly lib: Library,
  ) {
    this.reader = new ReportReader(() =>
      this.loadDistrict().then((d) => d.map((e): LinkableEntry => ({ id: e.id, name: e.name, aliases: e.aliases, placeId: e.placeId }))),
    );
    this.atlasPlaces = parsablePlaces(ctx.data.places.features);
    this.dom = this.mountDom();
    this.info = new InfoBox(ctx.ui.mapPanel);
    this.layer = provideImportLayer(ctx.composer);
    this.openBox = mountOpenBox(
      this.dom.openPart,
      (s) => this.open(s),
      () => ctx.notice(imt('emptyPaste')),
    );
    this.handlers = this.panelHandlers();
    receive((req) => {
      const go =
        req.kind === 'show'
          ? () => void this.showReport(req.reportId, req).then(() => ctx.ui.showTab('report'))
          : () => {
              for (const s of req.sources) this.open(s);
            };
      if (this.active) go();
      else this.waiting.push(go);
    });
  }

  private mountDom() {
    const pane = this.ctx.ui.addTab('import', () => imt('tab'));
    pane.classList.add('import-pane');
    const back = el('button', { type: 'button', class: 'btn', id: 'import-leave' });
    back.onclick = () => this.ctx.store.set({ mode: 'explore' }, { push: true });
    const intro = el('p', { class: 'muted' });
    const openPart = el('section', { class: 'import-open' });
    const reports = el('section', { class: 'import-list' });
    const current = el('section', { class: 'import-current', id: 'import-current' });
    const added = el('section', { class: 'import-added' });
    pane.append(el('div', { class: 'import-head' }, back), intro, openPart, reports, current, added);
    const banner = el('div', { class: 'import-banner', id: 'import-banner', hidden: '' });
    document.getElementById('report-text')?.before(banner);
    return { back, intro, openPart, reports, current, added, banner };
  }

  private loadDistrict(): Promise<DistrictEntry[]> {
    return loadDistrictEntries().then((d) => {
      this.district = d;
      return d;
    });
  }

  /** The places a report is linked with: the atlas's and the planner's additions. */
  private places(): ParsablePlace[] {
    return [...this.atlasPlaces, ...this.lib.get().additions.map((a) => ({ id: a.id, name: a.name, aliases: [], mapped: true }))];
  }

  private linkKey(): string {
    return linkKeyOf({ places: this.places(), districtEntries: this.district.length });
  }

  private keep(r: StoredReport): void {
    this.lib.putReport(r).catch((e: unknown) => this.ctx.notice(imt('notKept', { reason: reason(e) })));
  }

  private render(): void {
    renderReports(this.dom.reports, this.lib.get().reports, this.shown?.id ?? 'bundled', this.handlers);
    renderCurrent(this.dom.current, this.shown, this.placing, this.handlers);
    renderAdditions(this.dom.added, this.lib.get().additions, this.shown, this.handlers);
    this.paintBanner();
    document.body.classList.toggle('is-placing', !!this.placing);
    this.hook.shown = this.shown?.id;
    this.hook.placing = this.placing;
    if (TEST_HOOKS) expose('atlasImport', this.hook);
  }

  /** Above an opened report's text: which report it is, the way back to the bundled one, its candidates. */
  private paintBanner(): void {
    const { banner } = this.dom;
    const intro = document.getElementById('report-intro');
    if (intro) intro.hidden = !!this.shown;
    banner.hidden = !this.shown;
    if (!this.shown) return;
    const toBundled = el('button', { type: 'button', class: 'btn', id: 'import-back-to-bundled' }, imt('backToBundled'));
    toBundled.onclick = () => void this.showReport(undefined);
    const toList = el('button', { type: 'button', class: 'linklike' }, `${imt('candidates')} (${this.shown.mapped.candidates.length})`);
    toList.onclick = () => this.ctx.ui.showTab('import');
    banner.replaceChildren(el('strong', {}, imt('readingBanner', { title: titleOf(this.shown) })), ' ', toBundled, ' ', toList);
  }

  /** Maps a report again with the current gazetteer and additions (a place placed or undone, a stale mapping). */
  private async remap(r: StoredReport): Promise<StoredReport> {
    const res = await this.reader.read({ text: r.text }, r.file, this.places());
    const next: StoredReport = { ...r, linkKey: this.linkKey(), mapped: res.mapped };
    this.keep(next);
    return next;
  }

  private async drawMap(): Promise<void> {
    const s = this.shown;
    const ids = new Set(s?.mapped.districtMentions.map((m) => m.placeId));
    const named = s ? [...new Set(s.mapped.mentions.map((m) => m.placeId))] : [];
    const features = named.flatMap((id) => this.ctx.data.index.places.get(id) ?? []);
    this.mapData = await importMapData(
      this.lib.get().additions,
      this.district.filter((e) => ids.has(e.id)),
      features,
    );
    this.layer.set(this.mapData);
  }

  /** Shows an opened report (mapped again first if the gazetteer changed since), or the bundled one. */
  private async showReport(id: string | undefined, at?: { paragraphId: string; start: number }): Promise<void> {
    this.info.hide();
    this.placing = undefined;
    let r = id ? this.lib.report(id) : undefined;
    if (r && !this.district.length) await this.loadDistrict().catch(() => undefined);
    if (r && r.linkKey !== this.linkKey()) {
      const stale = r;
      r = await this.remap(stale).catch((e: unknown) => {
        this.ctx.notice(imt('workerFailed', { reason: reason(e) }));
        return stale;
      });
    }
    this.shown = r;
    const additions = new Map(this.lib.get().additions.map((a) => [a.id, a]));
    const district = new Map(this.district.map((e) => [e.id, e]));
    this.ctx.report.show(r ? docOf(r, this.ctx.report.bundled.places, district, additions, this.docHandlers()) : undefined);
    if (at) this.ctx.report.scrollWithin(at.paragraphId, { start: at.start });
    this.render();
    await this.drawMap();
  }

  private mentionsOf(id: string): Mention[] {
    const s = this.shown;
    return s ? [...s.mapped.mentions, ...s.mapped.districtMentions].filter((m) => m.placeId === id) : [];
  }

  /** The drawn geometry of an opened report's place (map CRS), as the import layer has it. */
  private layerFeatures(id: string): GeoJSON.Feature[] {
    const d = this.mapData;
    if (!d) return [];
    return [...d.added.features, ...d.district.features].filter((f) => f.properties?.id === id && f.properties?.kind !== 'ring');
  }

  /** A district entry or an addition named in the text or tapped on the map: what it is, and the map goes there. */
  private showInfo(id: string): void {
    const entry = this.district.find((e) => e.id === id);
    const addition = this.lib.get().additions.find((a) => a.id === id);
    const goTo = (pid: string, start: number) => {
      this.ctx.ui.showTab('report');
      this.ctx.report.scrollWithin(pid, { start });
    };
    if (addition) this.info.show({ kind: 'added', addition }, this.mentionsOf(id), goTo);
    else if (entry) this.info.show({ kind: 'district', entry }, this.mentionsOf(id), goTo);
    const f = this.layerFeatures(id);
    if (f.length) this.ctx.camera.show(f);
  }

  /** Marks of an opened report: the atlas's places open their card; the others say what they are. */
  private docHandlers() {
    return {
      onMentionClick: (placeId: string) => {
        if (this.ctx.data.index.places.has(placeId)) this.ctx.select(placeId);
        else this.showInfo(placeId);
      },
      onShowParagraph: (pid: string) => {
        const ids = new Set(this.ctx.report.mentionsIn(pid).map((m) => m.placeId));
        const list = [...ids].flatMap((id): Array<{ geometry: GeoJSON.Geometry | null }> => {
          const p = this.ctx.data.index.places.get(id);
          return p ? [p] : this.layerFeatures(id);
        });
        this.ctx.camera.show(list);
      },
    };
  }

  /** Opens a report: read in the worker; on success kept, listed and shown; on failure a notice, and what was shown stays. */
  private async openOne(src: Source): Promise<void> {
    const res = await readSource(src, this.reader, this.places(), this.openBox.status, this.ctx.notice);
    if (!res) return;
    const m = res.mapped;
    this.hook.reads++;
    this.hook.last = { file: src.name, paragraphs: m.report.paragraphs.length, ms: res.ms };
    // The benchmark reads this mark (a production build has no test handles).
    performance.mark('atlas-import-read', { detail: this.hook.last });
    const id = textKey(res.text);
    const before = this.lib.report(id);
    const openedAt = new Date().toISOString();
    this.keep({ id, file: src.name, openedAt, text: res.text, linkKey: this.linkKey(), year: before?.year ?? m.year, mapped: m });
    const mentions = m.mentions.length + m.districtMentions.length;
    this.openBox.status(
      imt('opened', { file: src.name, paragraphs: m.report.paragraphs.length, mentions, candidates: m.candidates.length }),
    );
    await this.showReport(id);
    this.ctx.ui.showTab('report');
  }

  private open(src: Source): void {
    this.queue = this.queue
      .then(() => this.openOne(src))
      .catch((e: unknown) => this.ctx.notice(imt('workerFailed', { reason: reason(e) })));
  }

  private panelHandlers(): PanelHandlers {
    const { ctx, lib } = this;
    const fail = (e: unknown) => ctx.notice(imt('notKept', { reason: reason(e) }));
    return {
      onShow: (id) => void this.showReport(id),
      onRemove: (id) => {
        const r = lib.report(id);
        lib.deleteReport(id).catch(fail);
        if (this.shown?.id === id) void this.showReport(undefined);
        else this.render();
        if (r) ctx.announce(imt('removed', { title: titleOf(r) }));
      },
      onYear: (id, year) => {
        const r = lib.report(id);
        if (!r) return;
        lib.putReport({ ...r, year }).catch(fail);
        if (this.shown?.id === id) void this.showReport(id);
        else this.render();
      },
      onPlace: (name) => {
        this.placing = name;
        this.info.hide();
        this.render();
      },
      onCancelPlacing: () => {
        this.placing = undefined;
        this.render();
      },
      onUndo: (aid) => {
        lib.deleteAddition(aid).catch(fail);
        this.info.hide();
        if (this.shown) void this.showReport(this.shown.id);
        else this.render();
      },
      onExportYaml: () => downloadYaml(lib.get().additions),
      onExportGeojson: () => {
        if (this.shown) void downloadGeoJson(this.shown, ctx.data.places, this.district, lib.get().additions);
      },
    };
  }

  private paint(): void {
    this.dom.back.textContent = imt('back');
    this.dom.intro.textContent = imt('intro');
    this.openBox.paint();
    this.render();
  }

  update(_s: UrlState, prev: UrlState | undefined, changed: ReadonlySet<keyof UrlState>): void {
    if (prev?.mode === 'import') {
      if (changed.has('lang')) this.paint();
      return;
    }
    this.active = true;
    document.body.classList.add('is-import');
    this.openBox.listen(true);
    this.ctx.ui.showTab('import');
    this.paint();
    this.hook.ready = true;
    if (TEST_HOOKS) expose('atlasImport', this.hook);
    const waiting = this.waiting;
    this.waiting = [];
    for (const go of waiting) go();
  }

  leave(): void {
    this.active = false;
    document.body.classList.remove('is-import', 'is-placing');
    this.openBox.listen(false);
    this.info.hide();
    this.placing = undefined;
    this.shown = undefined;
    this.ctx.report.show();
    this.paintBanner();
    this.ctx.ui.showTab('report');
    this.hook.ready = false;
  }

  onMapGesture(g: MapGesture): boolean {
    if (!this.active) return false;
    const r = this.shown;
    const name = this.placing;
    if (name && r) {
      // One tap places it once: a second tap while it is being placed is an ordinary tap.
      this.placing = undefined;
      this.render();
      void placeCandidate(this.ctx, g, r, name, { lib: this.lib, district: this.district }).then(async (a) => {
        if (!a) return;
        await this.showReport(r.id);
        this.ctx.announce(imt('placed', { name: a.name, m: a.uncertainty_m }));
      });
      return true;
    }
    const id = tappedAddition(this.ctx, g);
    if (!id) return false;
    this.showInfo(id);
    return true;
  }
}
