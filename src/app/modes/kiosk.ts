import './kiosk.css';
import { LngLat, type Map as MlMap } from 'maplibre-gl';
import { GROUP_OF, GROUP_STYLE, GROUPS, type Group } from '../../core/places/groups';
import { EMPTY_FILTERS } from '../../core/state/filters';
import type { UrlState } from '../../core/state/url';
import { el } from '../dom';
import { categoryLabel, lang } from '../i18n';
import { addBasemap, BASEMAP_PALETTES } from '../map/basemap/index';
import { districtBounds } from '../map/create-map';
import { casingColour } from '../map/layers/place-lines';
import { ICON_LAYERS, pointPaint } from '../map/layers/place-points';
import { onHover } from '../map/layers/place-style';
import { perFeature } from '../map/paint';
import type { AppContext, ModeModule } from './context';
import {
  DEFAULT_TIMINGS,
  idleAction,
  type KioskPhase,
  type KioskTimings,
  phoneUrl,
  publicBase,
  secondsLeft,
  tourPlaces,
} from './kiosk-core';

/**
 * Kiosk mode (?mode=kiosk): an unattended touch screen in a government service hall. Large
 * targets, no keyboard (the search box becomes a picker of categories and places), a dark
 * high-contrast map, an attract tour when nobody is using it, a reset after a session goes idle,
 * and a QR code that carries the current view to a visitor's phone. Nothing extra is loaded.
 */

export interface KioskHook {
  /** The live timings; setTimings changes them (tests shorten them) and restarts the idle clock. */
  timings: KioskTimings;
  setTimings(t: Partial<KioskTimings>): void;
  phase(): KioskPhase;
  /** The places the attract tour visits, in order. */
  tourIds: string[];
  /** Every place the tour has shown so far, in order. */
  visited(): string[];
  /** The text last encoded in the QR code. */
  qrText(): string;
  /** How many times the screen has reset itself. */
  resets(): number;
}

declare global {
  interface Window {
    atlasKiosk?: KioskHook;
  }
}

const L = (zh: string, en: string) => (lang() === 'zh' ? zh : en);
const FIND_TAB = 'kiosk-find';
const TICK_MS = 200;

// --- the map, dark and high-contrast ------------------------------------------------------------

/** Re-colours the app's own layers for a dark ground, and swaps in the dark basemap. */
async function darkenMap(map: MlMap): Promise<void> {
  const dark = BASEMAP_PALETTES.dark;
  const paint = (layer: string, prop: Parameters<MlMap['setPaintProperty']>[1], value: Parameters<MlMap['setPaintProperty']>[2]) => {
    if (map.getLayer(layer)) map.setPaintProperty(layer, prop, value);
  };
  const layout = (layer: string, prop: Parameters<MlMap['setLayoutProperty']>[1], value: Parameters<MlMap['setLayoutProperty']>[2]) => {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, prop, value);
  };
  const wasDark = map.getPaintProperty('background', 'background-color') === dark.background;
  paint('background', 'background-color', dark.background);
  // The district itself: a faint lift off the ground, and a bright edge.
  paint('district-fill', 'fill-color', perFeature('#ffffff'));
  paint('district-fill', 'fill-opacity', perFeature(0.04));
  paint('district-line', 'line-color', perFeature('#ffd166'));
  paint('subdistricts-line', 'line-color', perFeature('#8fa3ba'));
  paint('subdistricts-label', 'text-color', '#e6edf5');
  paint('subdistricts-label', 'text-halo-color', dark.background);
  paint('subdistricts-label', 'text-opacity', 0.9);
  // Places: bigger discs (easier to hit with a finger), light outlines and labels.
  const look = pointPaint({
    radius: 14,
    hoverRadius: 17,
    exactStroke: '#ffffff',
    strokeWidth: 2,
    clusterFill: '#e6edf5',
    clusterStroke: dark.background,
  });
  for (const [prop, value] of Object.entries(look)) paint('place-points', prop as keyof typeof look, value);
  for (const [id] of ICON_LAYERS) layout(id, 'text-size', 15);
  layout('place-labels', 'text-size', 17);
  layout('place-labels', 'text-offset', [0, 1.4]);
  paint('place-labels', 'text-color', '#ffffff');
  paint('place-labels', 'text-halo-color', dark.background);
  paint('place-labels', 'text-halo-width', 2);
  paint('place-cluster-count', 'text-color', dark.background);
  layout('place-cluster-count', 'text-size', 16);
  paint('place-lines-casing', 'line-color', casingColour(dark.background, '#ffd166'));
  paint('place-areas-fill', 'fill-opacity', onHover(0.4, 0.22));
  paint('place-areas-line', 'line-width', 2.5);
  paint('selection-area', 'line-color', perFeature('#ffd166'));
  paint('selection-point', 'circle-stroke-color', '#ffd166');
  paint('selection-point', 'circle-radius', 22);
  // The basemap the main screen drew gives way to the dark one, unless it is the dark one already.
  const style = map.getStyle();
  const hasBasemap = style.layers.some((l) => l.id.startsWith('basemap-'));
  if (hasBasemap && wasDark) return;
  for (const l of style.layers) if (l.id.startsWith('basemap-')) map.removeLayer(l.id);
  for (const s of Object.keys(style.sources)) if (s.startsWith('basemap-')) map.removeSource(s);
  await addBasemap(map, 'dark');
}

// --- the QR code ---------------------------------------------------------------------------------

/** Draws `text` as a QR code on the canvas, with the 4-module quiet zone scanners need. */
async function drawQr(canvas: HTMLCanvasElement, text: string): Promise<void> {
  // Loaded with the mode, not with the main screen: only a kiosk draws QR codes.
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const cell = 6;
  const quiet = 4;
  const size = (n + 2 * quiet) * cell;
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#000000';
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) g.fillRect((c + quiet) * cell, (r + quiet) * cell, cell, cell);
}

// --- the mode --------------------------------------------------------------------------------------

function activate(ctx: AppContext): void {
  const { store, data, map } = ctx;
  const body = document.body;
  const launch: UrlState = { ...store.get() };
  const timings: KioskTimings = { ...DEFAULT_TIMINGS };
  let phase: KioskPhase = 'home';
  let lastInput = performance.now();
  // The idle clock starts once the map has drawn everything for the first time: no tour while
  // the page is still loading (on a slow kiosk PC that can take a while).
  let loaded = false;
  map.once('idle', () => {
    loaded = true;
    lastInput = performance.now();
  });
  let resets = 0;

  // The page itself does not zoom, select text or open menus; the map still pans and pinches.
  const viewport = document.querySelector('meta[name="viewport"]');
  viewport?.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no');
  const inMap = (t: EventTarget | null) => t instanceof Element && !!t.closest('.maplibregl-canvas-container');
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart'])
    document.addEventListener(type, (e) => e.preventDefault());
  // No way off the app: a link to another site (the map's attribution has one) is text here.
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (a && new URL((a as HTMLAnchorElement).href, location.href).origin !== location.origin) e.preventDefault();
    },
    { capture: true },
  );
  document.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length > 1 && !inMap(e.target)) e.preventDefault();
    },
    { passive: false },
  );
  document.addEventListener(
    'wheel',
    (e) => {
      if (e.ctrlKey && !inMap(e.target)) e.preventDefault();
    },
    { passive: false },
  );

  void darkenMap(map).catch((e: unknown) => console.warn('kiosk: dark basemap not added', e));

  // --- the on-screen picker: categories, then places, no keyboard -------------------------------
  const findBtn = el('button', { type: 'button', id: 'btn-kiosk-find', class: 'btn kiosk-find-btn' });
  findBtn.onclick = () => ctx.ui.showTab(FIND_TAB);
  ctx.ui.topbar.querySelector('.top-actions')?.before(findBtn);
  const pickerHost = ctx.ui.addTab(FIND_TAB, () => L('找地点', 'Find a place'));
  pickerHost.classList.add('kiosk-picker');
  const pickable = data.places.features
    .filter((p) => p.geometry !== null || (p.properties.parts?.length ?? 0) > 0)
    .sort((a, b) => b.properties.mentions - a.properties.mentions || a.properties.name.localeCompare(b.properties.name, 'zh'));
  const groupsShown = GROUPS.filter((g) => pickable.some((p) => GROUP_OF[p.properties.category] === g));
  let group: Group | 'all' = 'all';
  const chipsEl = el('div', { class: 'kiosk-chips', role: 'group' });
  const listEl = el('ul', { class: 'kiosk-places' });
  const pickerTitle = el('h2', { class: 'kiosk-picker-title' });
  pickerHost.replaceChildren(pickerTitle, chipsEl, listEl);
  const choose = (id: string) => {
    const p = data.index.places.get(id);
    if (p && !p.properties.inXicheng && !store.get().outside) store.set({ outside: true }, { push: false });
    ctx.select(id);
  };
  const renderChips = () => {
    const chip = (value: Group | 'all', label: string, count: number, style?: (typeof GROUP_STYLE)[Group]) => {
      const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style?.icon ?? '全');
      dot.style.background = style?.colour ?? '#e6edf5';
      dot.style.color = style?.ink ?? '#0e1217';
      const b = el(
        'button',
        { type: 'button', class: 'kiosk-chip', 'data-group': value, 'aria-pressed': String(group === value) },
        dot,
        el('span', { class: 'kiosk-chip-label' }, label),
        el('span', { class: 'kiosk-chip-count' }, String(count)),
      );
      b.onclick = () => {
        group = value;
        renderChips();
        renderList();
        listEl.scrollTop = 0;
        pickerHost.scrollTop = 0;
      };
      return b;
    };
    chipsEl.setAttribute('aria-label', L('类别', 'Categories'));
    chipsEl.replaceChildren(
      chip('all', L('全部', 'All'), pickable.length),
      ...groupsShown.map((g) =>
        chip(
          g,
          L(GROUP_STYLE[g].zh, GROUP_STYLE[g].en),
          pickable.filter((p) => GROUP_OF[p.properties.category] === g).length,
          GROUP_STYLE[g],
        ),
      ),
    );
  };
  const renderList = () => {
    const selected = store.get().place;
    const items = pickable
      .filter((p) => group === 'all' || GROUP_OF[p.properties.category] === group)
      .map((p) => {
        const style = GROUP_STYLE[GROUP_OF[p.properties.category]];
        const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style.icon);
        dot.style.background = style.colour;
        dot.style.color = style.ink;
        const where = p.properties.inXicheng ? (p.properties.subdistrict ?? '') : L('西城区外', 'Outside Xicheng');
        const b = el(
          'button',
          { type: 'button', class: 'kiosk-place', 'data-place-id': p.id, 'aria-pressed': String(p.id === selected) },
          dot,
          el('span', { class: 'kiosk-place-name' }, lang() === 'zh' ? p.properties.name : p.properties.name_en),
          el(
            'span',
            { class: 'kiosk-place-meta' },
            [lang() === 'zh' ? p.properties.name_en : p.properties.name, categoryLabel(p.properties.category), where]
              .filter(Boolean)
              .join(' · '),
          ),
          el('span', { class: 'kiosk-place-count', title: L('报告提及次数', 'Mentions in the report') }, `${p.properties.mentions}×`),
        );
        b.onclick = () => choose(p.id);
        return el('li', {}, b);
      });
    listEl.replaceChildren(...items);
  };
  const renderPicker = () => {
    pickerTitle.textContent = L('按类别找地点,按报告提及次数排序', 'Find a place by category, most mentioned first');
    findBtn.textContent = L('找地点', 'Find a place');
    renderChips();
    renderList();
  };

  // --- the QR code -----------------------------------------------------------------------------------
  const qrCanvas = el('canvas', { class: 'kiosk-qr-code', role: 'img' });
  const qrCaption = el('p', { class: 'kiosk-qr-caption' });
  const qrBox = el('aside', { class: 'kiosk-qr', id: 'kiosk-qr' }, qrCanvas, qrCaption);
  ctx.ui.mapPanel.append(qrBox);
  const base = publicBase(document.querySelector('meta[name="atlas-public-url"]')?.getAttribute('content'), location);
  let qrText = '';
  const updateQr = (s: UrlState) => {
    const text = phoneUrl(s, base);
    qrCaption.replaceChildren(el('strong', {}, L('手机扫码,继续浏览', 'Scan to continue on your phone')));
    qrCanvas.setAttribute('aria-label', L('二维码:在手机上打开当前页面', 'QR code: open this view on your phone'));
    if (text === qrText) return;
    qrText = text;
    void drawQr(qrCanvas, text).then(() => {
      // Several states can change while the encoder loads: only the latest is kept.
      if (text === qrText) qrCanvas.dataset.text = text;
      else void drawQr(qrCanvas, qrText);
    });
  };

  // --- overlays: the attract tour's call to action, and the reset countdown ---------------------------
  const tourTitle = el('p', { class: 'kiosk-tour-title' });
  const tourSub = el('p', { class: 'kiosk-tour-sub', lang: 'en' });
  const tourOverlay = el(
    'div',
    { class: 'kiosk-tour', id: 'kiosk-tour', hidden: '' },
    el('div', { class: 'kiosk-tour-banner' }, el('span', { class: 'kiosk-tour-hand', 'aria-hidden': 'true' }), tourTitle, tourSub),
  );
  const warnText = el('p', { class: 'kiosk-warn-text' });
  const warnCount = el('p', { class: 'kiosk-warn-count', 'aria-live': 'assertive' });
  const warnBtn = el('button', { type: 'button', class: 'btn kiosk-warn-btn' });
  const warnOverlay = el(
    'div',
    { class: 'kiosk-warn', id: 'kiosk-warn', role: 'alertdialog', 'aria-modal': 'true', hidden: '' },
    el('div', { class: 'kiosk-warn-body' }, warnText, warnCount, warnBtn),
  );
  body.append(tourOverlay, warnOverlay);
  const paintOverlays = () => {
    tourTitle.textContent = '触摸屏幕开始探索';
    tourSub.textContent = 'Touch the screen to explore';
    warnText.textContent = L('无人操作,即将返回首页', 'Nobody is using the screen: returning to the start');
    warnBtn.textContent = L('继续浏览', 'Keep exploring');
  };

  /**
   * An overlay that a touch dismisses must also swallow that touch: it stays up until its own
   * click (or a moment later, if the finger dragged), so the tap does not also hit what is under it.
   */
  const dismiss = (overlay: HTMLElement) => {
    overlay.classList.add('is-leaving');
    const done = () => {
      overlay.hidden = true;
      overlay.classList.remove('is-leaving');
    };
    overlay.addEventListener('click', done, { once: true });
    window.setTimeout(done, 700);
  };

  // --- the attract tour ----------------------------------------------------------------------------
  const tourIds = tourPlaces(data.places.features).map((p) => p.id);
  let tourIndex = 0;
  const visited: string[] = [];
  let tourTimer = 0;
  const tourStep = () => {
    const visible = new Set(ctx.visiblePlaces().map((p) => p.id));
    const candidates = tourIds.filter((id) => visible.has(id));
    const list = candidates.length ? candidates : tourIds;
    const id = list[tourIndex % list.length];
    tourIndex++;
    holdHome = false;
    if (id) {
      visited.push(id);
      ctx.select(id);
    }
    tourTimer = window.setTimeout(tourStep, timings.dwellMs);
  };
  const startTour = () => {
    window.clearTimeout(tourTimer);
    phase = 'attract';
    body.dataset.kioskTour = 'on';
    tourOverlay.classList.remove('is-leaving');
    tourOverlay.hidden = false;
    tourTimer = window.setTimeout(tourStep, timings.leadMs);
  };
  const stopTour = () => {
    window.clearTimeout(tourTimer);
    delete body.dataset.kioskTour;
  };

  // --- reset to the start --------------------------------------------------------------------------
  const reportEl = document.getElementById('report');
  const homeCamera = () => {
    if (launch.view) return { center: [launch.view.lng, launch.view.lat] as [number, number], zoom: launch.view.zoom };
    const c = map.cameraForBounds(districtBounds(data), { padding: 24 });
    const centre = c?.center ? LngLat.convert(c.center) : map.getCenter();
    return { center: [centre.lng, centre.lat] as [number, number], zoom: c?.zoom ?? map.getZoom() };
  };
  const homeView = () => {
    // A fly to a place leaves the map padded for the card; the start view has no card.
    const p = map.getPadding();
    if (p.top || p.right || p.bottom || p.left) map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
    const home = homeCamera();
    const here = map.getCenter();
    if (
      Math.abs(here.lng - home.center[0]) < 1e-6 &&
      Math.abs(here.lat - home.center[1]) < 1e-6 &&
      Math.abs(map.getZoom() - home.zoom) < 1e-3
    )
      return;
    map.jumpTo(home);
  };
  // After a reset the start view holds until the tour moves on or someone touches the screen:
  // scrolling the report back to the top can wake story mode, which would fly to the first
  // paragraph's places.
  let holdHome = false;
  map.on('moveend', () => {
    if (holdHome) homeView();
  });
  const hideWarning = () => {
    body.removeAttribute('data-kiosk-warning');
  };
  const reset = () => {
    stopTour();
    hideWarning();
    warnOverlay.hidden = true;
    for (const id of ['about', 'legend', 'notice']) {
      const x = document.getElementById(id);
      if (x) x.hidden = true;
    }
    document.getElementById('btn-legend')?.setAttribute('aria-expanded', 'false');
    store.set(
      {
        place: undefined,
        paragraph: undefined,
        filters: EMPTY_FILTERS,
        story: launch.story,
        outside: launch.outside,
        lang: launch.lang,
        mode: 'kiosk',
        near: undefined,
        radius: undefined,
      },
      { push: false },
    );
    if (reportEl) {
      reportEl.scrollTop = 0;
      for (const a of reportEl.querySelectorAll('.is-target, .is-reading')) a.classList.remove('is-target', 'is-reading');
    }
    group = 'all';
    renderPicker();
    pickerHost.scrollTop = 0;
    ctx.ui.showTab(FIND_TAB);
    homeView();
    holdHome = true;
    (document.activeElement as HTMLElement | null)?.blur?.();
    resets++;
    ctx.announce(L('已返回首页', 'Back at the start'));
  };

  // --- the idle clock --------------------------------------------------------------------------------
  const onInput = () => {
    lastInput = performance.now();
    holdHome = false;
    if (phase === 'attract') {
      stopTour();
      dismiss(tourOverlay);
      phase = 'active';
    } else if (phase === 'warning') {
      hideWarning();
      dismiss(warnOverlay);
      phase = 'active';
    } else if (phase === 'home') phase = 'active';
  };
  for (const type of ['pointerdown', 'pointermove', 'touchstart', 'wheel', 'keydown'])
    window.addEventListener(type, onInput, { capture: true, passive: true });
  warnBtn.onclick = () => onInput();
  window.setInterval(() => {
    if (!loaded) return;
    const idle = performance.now() - lastInput;
    // Should anything take the screen out of kiosk mode, an idle spell still brings it back.
    if (store.get().mode !== 'kiosk') {
      if (idle >= timings.resetMs) {
        reset();
        startTour();
      }
      return;
    }
    switch (idleAction(phase, idle, timings)) {
      case 'start-tour':
        startTour();
        break;
      case 'warn':
        phase = 'warning';
        body.dataset.kioskWarning = 'on';
        warnOverlay.classList.remove('is-leaving');
        warnOverlay.hidden = false;
        warnCount.textContent = `${secondsLeft(idle, timings)}…`;
        break;
      case 'reset':
        reset();
        startTour();
        break;
      case 'none':
        if (phase === 'warning') warnCount.textContent = `${secondsLeft(idle, timings)}…`;
    }
  }, TICK_MS);

  // --- follow the state ------------------------------------------------------------------------------
  let lastLang = '';
  let lastPlace: string | undefined = '';
  ctx.onRender((s) => {
    if (s.mode !== 'kiosk') return;
    if (s.lang !== lastLang) {
      lastLang = s.lang;
      paintOverlays();
      renderPicker();
    } else if (s.place !== lastPlace) renderList();
    lastPlace = s.place;
    updateQr(s);
  });
  ctx.ui.showTab(FIND_TAB);

  window.atlasKiosk = {
    timings,
    setTimings(t) {
      Object.assign(timings, t);
      lastInput = performance.now();
    },
    phase: () => phase,
    tourIds,
    visited: () => [...visited],
    qrText: () => qrText,
    resets: () => resets,
  };
}

export const kioskMode: ModeModule = {
  mode: 'kiosk',
  mount(ctx) {
    let on = false;
    const start = () => {
      if (on) return;
      on = true;
      activate(ctx);
    };
    if (ctx.store.get().mode === 'kiosk') start();
    else ctx.onRender((s) => s.mode === 'kiosk' && start());
  },
};
