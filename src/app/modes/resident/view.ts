import type { LngLatBoundsLike } from 'maplibre-gl';
import type { GeometryT } from '../../../core/geo/schema';
import { circlePolygon, type LngLat } from '../../../core/geo/sphere';
import { buildNearIndex, distanceToGeometryM } from '../../../core/near/index';
import type { PlaceFeatureT } from '../../../core/places/model';
import { createNearSelector } from '../../../core/state/near';
import { RADIUS_DEFAULT, RADIUS_MAX, RADIUS_MIN, type UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import type { MapGesture } from '../../map/interaction';
import { toMapPosition } from '../../map/providers';
import type { AppContext, ModeView } from '../context';
import { provideCircle } from './circle';
import { renderNearList } from './list';
import { locateOnce } from './locate';
import { mountResidentSearch } from './search';
import { formatRadius, type ResidentString, rt } from './strings';
import { renderSubdistrictBox } from './subdistrict-box';

/** Areas that contain most centres (the district, a 街道, a neighbouring district) are not "near": the 街道 box covers them. */
const NOT_NEAR = new Set(['district', 'subdistrict', 'region']);
const QUICK_RADII = [300, 500, 1000, 2000];
/** A located position farther than this from the district is "not in Xicheng's surroundings". */
const SURROUNDINGS_M = 5_000;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The resident panel's elements, built once and painted in the current language. */
function panelParts() {
  return {
    title: el('h2', { class: 'resident-title' }),
    intro: el('p', { class: 'muted resident-intro' }),
    exitBtn: el('button', { type: 'button', class: 'btn resident-exit' }),
    locateBtn: el('button', { type: 'button', class: 'btn resident-locate', id: 'resident-locate' }),
    tapHint: el('span', { class: 'muted' }),
    status: el('div', { class: 'resident-status', role: 'status', 'aria-live': 'polite', hidden: '' }),
    radiusLabel: el('label', { for: 'resident-radius', class: 'resident-label' }),
    radiusValue: el('output', { for: 'resident-radius', class: 'resident-radius-value' }),
    radiusInput: el('input', { type: 'range', id: 'resident-radius', min: String(RADIUS_MIN), max: String(RADIUS_MAX), step: '50' }),
    quick: QUICK_RADII.map((r) =>
      el('button', { type: 'button', class: 'btn resident-quick', 'data-radius': String(r), 'aria-pressed': 'false' }),
    ),
    centreLine: el('p', { class: 'resident-centre muted' }),
    sdBox: el('section', { class: 'resident-sd', 'aria-live': 'polite' }),
    summary: el('p', { class: 'resident-summary' }),
    list: el('ol', { class: 'resident-list', id: 'resident-list' }),
  };
}

/**
 * "What is happening near me": a centre (the device's position, a tap on the map, a search), a
 * radius, the circle on the map, the places inside it nearest first with the report's sentences,
 * and the 街道 the centre is in. The list is a pure function of centre, radius and filters.
 */
export function createResidentView(ctx: AppContext): ModeView {
  const { data, store } = ctx;
  const panel = document.getElementById('near') as HTMLElement;
  const indexed = data.places.features.filter(
    (f): f is PlaceFeatureT & { geometry: GeometryT } => f.geometry !== null && !NOT_NEAR.has(f.properties.category),
  );
  const nearIndex = buildNearIndex(indexed.map((f) => ({ id: f.id, geometry: f.geometry })));
  const near = createNearSelector(nearIndex);
  const ui = panelParts();
  let centreLabel: () => string = () => rt('centreLink');

  const setCentre = (at: LngLat, label: () => string) => {
    centreLabel = label;
    store.set({ near: { lat: round6(at.lat), lng: round6(at.lng) }, radius: store.get().radius ?? RADIUS_DEFAULT }, { push: true });
  };
  const setRadius = (r: number, push: boolean) =>
    store.set({ radius: Math.max(RADIUS_MIN, Math.min(RADIUS_MAX, Math.round(r))) }, { push });
  const say = (key: ResidentString | undefined, extra: { km?: number; kept?: boolean; offerSearch?: boolean } = {}) => {
    ui.status.hidden = !key;
    if (!key) return ui.status.replaceChildren();
    const text = `${rt(key, { km: extra.km ?? '' })}${extra.kept ? ` ${rt('kept')}` : ''}`;
    const alt = extra.offerSearch ? el('button', { type: 'button', class: 'btn resident-search-alt' }, rt('searchAlt')) : null;
    if (alt) alt.onclick = () => search.input.focus();
    ui.status.dataset.kind = key;
    ui.status.replaceChildren(el('span', {}, text), ...(alt ? [alt] : []));
  };
  const search = mountResidentSearch(data, (f) => {
    say(undefined);
    setCentre(f.at, f.label);
  });
  for (const [i, b] of ui.quick.entries()) b.onclick = () => setRadius(QUICK_RADII[i] as number, true);
  ui.radiusInput.oninput = () => setRadius(Number(ui.radiusInput.value), false);
  ui.radiusInput.onchange = () => setRadius(Number(ui.radiusInput.value), true);
  ui.exitBtn.onclick = () => {
    store.set({ mode: 'explore', near: undefined, radius: undefined }, { push: true });
    ctx.ui.showTab('report');
  };
  const districtGeometries = data.district.features.map((f) => f.geometry as GeometryT);
  let locating = false;
  ui.locateBtn.onclick = async () => {
    if (locating) return;
    locating = true;
    ui.locateBtn.setAttribute('aria-busy', 'true');
    say('locating');
    const hadCentre = store.get().near !== undefined;
    const r = await locateOnce();
    locating = false;
    ui.locateBtn.removeAttribute('aria-busy');
    if (!r.ok) return say(r.why, { kept: hadCentre, offerSearch: true });
    // The device reports WGS-84; the places are in the map's CRS (GCJ-02 on an AMap or Tencent map).
    const [lng, lat] = await toMapPosition([r.at.lng, r.at.lat]);
    const away = Math.min(...districtGeometries.map((g) => distanceToGeometryM({ lng, lat }, g)));
    if (!(away <= SURROUNDINGS_M))
      return say('errOutside', { km: Math.max(1, Math.round(away / 1000)), kept: hadCentre, offerSearch: true });
    say('located');
    setCentre({ lng, lat }, () => rt('centreGeo'));
  };
  panel.replaceChildren(
    el('div', { class: 'resident-head' }, ui.title, ui.exitBtn),
    ui.intro,
    el('div', { class: 'resident-locate-row' }, ui.locateBtn, ui.tapHint),
    ui.status,
    search.el,
    el(
      'div',
      { class: 'resident-radius' },
      el('div', { class: 'resident-radius-row' }, ui.radiusLabel, ui.radiusValue),
      ui.radiusInput,
      el('div', { class: 'resident-quick-row' }, ...ui.quick),
    ),
    ui.centreLine,
    ui.sdBox,
    ui.summary,
    ui.list,
  );
  const paintStatic = () => {
    ui.title.textContent = rt('title');
    ui.intro.textContent = rt('intro');
    ui.exitBtn.textContent = rt('exit');
    ui.locateBtn.textContent = `◎ ${rt('locate')}`;
    ui.tapHint.textContent = rt('tapHint');
    ui.radiusLabel.textContent = rt('radius');
    search.paint();
    for (const [i, b] of ui.quick.entries()) b.textContent = formatRadius(QUICK_RADII[i] as number);
  };
  const offHover = store.onHover((id) => markHover(ui.list, id));
  provideCircle(ctx.composer);
  const frame = fitter(ctx);

  const renderList = (s: UrlState & { near: LngLat }, radius: number) => {
    const { hits, hidden } = near(s.near.lng, s.near.lat, radius, ctx.selectors.visibleIds(s));
    renderNearList(ui.list, ui.summary, data, hits, hidden, s.place, store, (id) => ctx.select(id));
    renderSubdistrictBox(ui.sdBox, data, s.near, (id) => ctx.select(id));
    ui.centreLine.textContent = `${rt('centre')}: ${centreLabel()} (${s.near.lat.toFixed(5)}, ${s.near.lng.toFixed(5)})`;
    if (s.place) ui.list.querySelector(`.resident-item[data-place-id="${CSS.escape(s.place)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return {
    update(s, prev, changed) {
      const radius = s.radius ?? RADIUS_DEFAULT;
      if (!prev || changed.has('lang')) paintStatic();
      ui.radiusInput.value = String(radius);
      ui.radiusValue.textContent = formatRadius(radius);
      for (const b of ui.quick) b.setAttribute('aria-pressed', String(Number(b.dataset.radius) === radius));
      // Once a centre is chosen, the list matters more than the instructions (a phone's half sheet is short).
      ui.intro.hidden = s.near !== undefined;
      panel.classList.toggle('has-centre', s.near !== undefined);
      if (!s.near) {
        for (const x of [ui.sdBox, ui.summary, ui.list]) x.replaceChildren();
        ui.centreLine.textContent = '';
        return;
      }
      const relevant = ['near', 'radius', 'lang', 'filters', 'outside', 'place'] as const;
      if (!prev || relevant.some((k) => changed.has(k))) renderList(s as UrlState & { near: LngLat }, radius);
      // Frame the circle when the centre or radius changes (or on arrival without a saved map view).
      const moved = !prev || changed.has('near') || changed.has('radius');
      if (moved && !(!prev && s.view)) frame(s.near, radius, prev !== undefined);
    },
    leave() {
      frame.cancel();
      say(undefined);
      offHover();
    },
    onMapGesture(g: MapGesture) {
      // A tap on a place opens it (the main screen's meaning); a tap anywhere else, or a long press, moves the centre there.
      if (!g.long && (g.hit.kind === 'place' || g.hit.kind === 'choose' || g.hit.kind === 'cluster')) return false;
      say(undefined);
      setCentre({ lng: g.lngLat.lng, lat: g.lngLat.lat }, () => rt('centreTap'));
      return true;
    },
  };
}

/** The row of the hovered place (on the map or in the list) marked. */
function markHover(list: HTMLElement, id: string | undefined): void {
  for (const li of list.querySelectorAll<HTMLElement>('.resident-item.is-hover')) li.classList.remove('is-hover');
  if (id) list.querySelector<HTMLElement>(`.resident-item[data-place-id="${CSS.escape(id)}"]`)?.classList.add('is-hover');
}

/** Frames the circle in the part of the map the panels leave visible, once the phone's sheet has settled. */
function fitter(ctx: AppContext) {
  let timer = 0;
  const fit = (near: LngLat, radius: number, animate: boolean) => {
    window.clearTimeout(timer);
    // Let the bottom sheet finish its height transition before measuring what it covers.
    timer = window.setTimeout(() => {
      const ring = circlePolygon(near, radius, 32);
      const lngs = ring.map((p) => p[0] as number);
      const lats = ring.map((p) => p[1] as number);
      const bounds: LngLatBoundsLike = [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ];
      const c = ctx.covered();
      const pad = { top: c.top + 24, right: c.right + 24, bottom: c.bottom + 24, left: c.left + 24 };
      const m = ctx.map.getContainer().getBoundingClientRect();
      // On a tiny map, keep at least a 60 px window for the circle.
      if (m.height - pad.top - pad.bottom < 60) pad.bottom = Math.max(0, m.height - pad.top - 60);
      if (m.width - pad.left - pad.right < 60) pad.right = Math.max(0, m.width - pad.left - 60);
      ctx.map.fitBounds(bounds, { padding: pad, maxZoom: 17, duration: animate ? 700 : 0 });
    }, 230);
  };
  return Object.assign(fit, { cancel: () => window.clearTimeout(timer) });
}
