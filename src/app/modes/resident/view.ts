import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { GeoJSONSource, LngLatBoundsLike, MapMouseEvent } from 'maplibre-gl';
import stationsUrl from '../../../../geodata/basemap/stations.geojson?url';
import { StationCollection } from '../../../core/geo/basemap';
import type { GeometryT } from '../../../core/geo/schema';
import { circlePolygon, type LngLat } from '../../../core/geo/sphere';
import { parseJsonWithSchema } from '../../../core/io/json';
import { buildNearIndex, distanceToGeometryM, type NearHit, nearPlaces } from '../../../core/near/index';
import { summariseSubdistrict } from '../../../core/near/subdistrict';
import { GROUP_OF, GROUP_STYLE } from '../../../core/places/groups';
import type { PlaceFeatureT } from '../../../core/places/model';
import { PHASE_LABELS, type Phase, THEME_LABELS } from '../../../core/report/model';
import { sentenceAt } from '../../../core/report/sentences';
import { type Searchable, searchPlaces } from '../../../core/state/search';
import { RADIUS_DEFAULT, RADIUS_MAX, RADIUS_MIN, type UrlState } from '../../../core/state/url';
import { el } from '../../dom';
import { categoryLabel, lang } from '../../i18n';
import { toMapCrs, toMapPosition } from '../../map/providers';
import type { AppContext } from '../context';
import type { ResidentView } from '../resident';
import { formatDistance, formatRadius, type ResidentString, rt } from './strings';

/** Areas that contain most centres (the district, a 街道, a neighbouring district) are not "near": the 街道 box covers them. */
const NOT_NEAR = new Set(['district', 'subdistrict', 'region']);
const QUICK_RADII = [300, 500, 1000, 2000];
/** How long the browser may take to locate, and a watchdog in case it never answers at all. */
const GEO_TIMEOUT_MS = 10_000;
const GEO_WATCHDOG_MS = GEO_TIMEOUT_MS + 3_000;
/** A located position farther than this from the district is "not in Xicheng's surroundings". */
const SURROUNDINGS_M = 5_000;

interface Station {
  id: string;
  name: string;
  lines: string[];
  at: LngLat;
}

const phaseLabel = (p: Phase) => PHASE_LABELS[p][lang()];
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const sameNear = (a: UrlState['near'], b: UrlState['near']) => a?.lat === b?.lat && a?.lng === b?.lng;

export function createResidentView(ctx: AppContext, panel: HTMLElement): ResidentView {
  const { data, store, map } = ctx;
  const { index } = data;

  // --- the index over the report's places --------------------------------------------------------
  const indexed = data.places.features.filter(
    (f): f is PlaceFeatureT & { geometry: GeometryT } => f.geometry !== null && !NOT_NEAR.has(f.properties.category),
  );
  const nearIndex = buildNearIndex(indexed.map((f) => ({ id: f.id, geometry: f.geometry })));

  // --- subway stations (the basemap's), loaded once for the search --------------------------------
  let stations: Station[] = [];
  const stationsReady = fetch(stationsUrl)
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // In the map's CRS like the places, so distances to them are right on a GCJ-02 provider map too.
      const { fc } = await toMapCrs({ fc: parseJsonWithSchema(await res.text(), 'geodata/basemap/stations.geojson', StationCollection) });
      stations = fc.features.map((f) => ({
        id: `station:${f.properties.name}`,
        name: f.properties.name,
        lines: f.properties.lines,
        at: { lng: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] },
      }));
    })
    .catch(() => {
      stations = []; // the search still finds the report's places
    });

  // --- how a centre was chosen (for the label under the title) ----------------------------------
  let centreLabel: () => string = () => rt('centreLink');

  // --- panel ------------------------------------------------------------------------------------------
  const title = el('h2', { class: 'resident-title' });
  const intro = el('p', { class: 'muted resident-intro' });
  const exitBtn = el('button', { type: 'button', class: 'btn resident-exit' });
  const locateBtn = el('button', { type: 'button', class: 'btn resident-locate', id: 'resident-locate' });
  const tapHint = el('span', { class: 'muted' });
  const status = el('div', { class: 'resident-status', role: 'status', 'aria-live': 'polite', hidden: '' });
  const searchLabel = el('label', { for: 'resident-search', class: 'resident-label' });
  const searchInput = el('input', {
    type: 'search',
    id: 'resident-search',
    class: 'resident-search',
    autocomplete: 'off',
    'aria-controls': 'resident-search-results',
  }) as HTMLInputElement;
  const searchResults = el('ul', { id: 'resident-search-results', class: 'resident-results', hidden: '' });
  const radiusLabel = el('label', { for: 'resident-radius', class: 'resident-label' });
  const radiusValue = el('output', { for: 'resident-radius', class: 'resident-radius-value' });
  const radiusInput = el('input', {
    type: 'range',
    id: 'resident-radius',
    min: String(RADIUS_MIN),
    max: String(RADIUS_MAX),
    step: '50',
  }) as HTMLInputElement;
  const quick = QUICK_RADII.map((r) => {
    const b = el('button', { type: 'button', class: 'btn resident-quick', 'data-radius': String(r), 'aria-pressed': 'false' });
    b.onclick = () => setRadius(r, true);
    return b;
  });
  const centreLine = el('p', { class: 'resident-centre muted' });
  const sdBox = el('section', { class: 'resident-sd', 'aria-live': 'polite' });
  const summary = el('p', { class: 'resident-summary' });
  const list = el('ol', { class: 'resident-list', id: 'resident-list' });

  panel.replaceChildren(
    el('div', { class: 'resident-head' }, title, exitBtn),
    intro,
    el('div', { class: 'resident-locate-row' }, locateBtn, tapHint),
    status,
    el('div', { class: 'resident-search-box' }, searchLabel, searchInput, searchResults),
    el(
      'div',
      { class: 'resident-radius' },
      el('div', { class: 'resident-radius-row' }, radiusLabel, radiusValue),
      radiusInput,
      el('div', { class: 'resident-quick-row' }, ...quick),
    ),
    centreLine,
    sdBox,
    summary,
    list,
  );

  const paintStatic = () => {
    title.textContent = rt('title');
    intro.textContent = rt('intro');
    exitBtn.textContent = rt('exit');
    locateBtn.textContent = `◎ ${rt('locate')}`;
    tapHint.textContent = rt('tapHint');
    searchLabel.textContent = rt('searchLabel');
    searchInput.placeholder = rt('searchPlaceholder');
    radiusLabel.textContent = rt('radius');
    for (const [i, b] of quick.entries()) b.textContent = formatRadius(QUICK_RADII[i] as number);
  };

  const say = (key: ResidentString | undefined, extra?: { km?: number; kept?: boolean; offerSearch?: boolean }) => {
    if (!key) {
      status.hidden = true;
      status.replaceChildren();
      return;
    }
    let text = rt(key);
    if (extra?.km !== undefined) text = text.replace('{km}', String(extra.km));
    if (extra?.kept) text = `${text} ${rt('kept')}`;
    const children: Node[] = [el('span', {}, text)];
    if (extra?.offerSearch) {
      const b = el('button', { type: 'button', class: 'btn resident-search-alt' }, rt('searchAlt'));
      b.onclick = () => searchInput.focus();
      children.push(b);
    }
    status.dataset.kind = key;
    status.replaceChildren(...children);
    status.hidden = false;
  };

  // --- choosing a centre ----------------------------------------------------------------------------------
  const setCentre = (at: LngLat, label: () => string) => {
    centreLabel = label;
    const s = store.get();
    store.set({ near: { lat: round6(at.lat), lng: round6(at.lng) }, radius: s.radius ?? RADIUS_DEFAULT }, { push: true });
  };
  const setRadius = (r: number, push: boolean) => {
    const v = Math.max(RADIUS_MIN, Math.min(RADIUS_MAX, Math.round(r)));
    store.set({ radius: v }, { push });
  };
  radiusInput.oninput = () => setRadius(Number(radiusInput.value), false);
  radiusInput.onchange = () => setRadius(Number(radiusInput.value), true);
  exitBtn.onclick = () => {
    store.set({ mode: 'explore', near: undefined, radius: undefined }, { push: true });
    ctx.ui.showTab('report');
  };

  const districtGeometries = data.district.features.map((f) => f.geometry as GeometryT);
  const distanceToDistrict = (at: LngLat) => Math.min(...districtGeometries.map((g) => distanceToGeometryM(at, g)));

  let locating = false;
  locateBtn.onclick = () => {
    if (locating) return;
    const hadCentre = store.get().near !== undefined;
    const fail = (key: ResidentString, km?: number) => {
      locating = false;
      locateBtn.removeAttribute('aria-busy');
      say(key, { ...(km !== undefined ? { km } : {}), kept: hadCentre, offerSearch: true });
    };
    if (!('geolocation' in navigator) || !navigator.geolocation) {
      fail('errUnavailable');
      return;
    }
    locating = true;
    locateBtn.setAttribute('aria-busy', 'true');
    say('locating');
    let settled = false;
    // Some browsers never call back when the permission prompt is ignored: give up on our own.
    const watchdog = window.setTimeout(() => {
      if (settled) return;
      settled = true;
      fail('errTimeout');
    }, GEO_WATCHDOG_MS);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        if (settled) return;
        settled = true;
        window.clearTimeout(watchdog);
        // The device reports WGS-84; the places are in the map's CRS (GCJ-02 on an AMap or Tencent map).
        const [lng, lat] = await toMapPosition([pos.coords.longitude, pos.coords.latitude]);
        const at = { lng, lat };
        const away = distanceToDistrict(at);
        if (!(away <= SURROUNDINGS_M)) {
          fail('errOutside', Math.max(1, Math.round(away / 1000)));
          return;
        }
        locating = false;
        locateBtn.removeAttribute('aria-busy');
        say('located');
        setCentre(at, () => rt('centreGeo'));
      },
      (err) => {
        if (settled) return;
        settled = true;
        window.clearTimeout(watchdog);
        // GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout
        fail(err.code === 1 ? 'errDenied' : err.code === 3 ? 'errTimeout' : 'errUnavailable');
      },
      { enableHighAccuracy: true, timeout: GEO_TIMEOUT_MS, maximumAge: 60_000 },
    );
  };

  // search: every gazetteer place with a geometry (街道 included) and every subway station
  const placeSearchables = data.places.features.filter((f) => f.geometry !== null);
  const stationSearchable = (st: Station): Searchable => ({
    id: st.id,
    properties: {
      name: st.name,
      aliases: [`${st.name}站`, `${st.name}地铁站`],
      name_en: `${st.name} station, line ${st.lines.join(', ')}`,
      pinyin: '',
      initials: '',
      mentions: 0,
      category: 'transport',
    },
  });
  const centreOf = (p: PlaceFeatureT): LngLat | undefined => {
    if (!p.geometry) return undefined;
    if (p.geometry.type === 'Point') return { lng: p.geometry.coordinates[0], lat: p.geometry.coordinates[1] };
    if (p.properties.category === 'subdistrict') {
      const sd = data.subdistricts.features.find((f) => f.properties.name === p.properties.name);
      if (sd) return { lng: sd.properties.label[0], lat: sd.properties.label[1] };
    }
    const c = pointOnFeature({ type: 'Feature', geometry: p.geometry, properties: {} } as GeoJSON.Feature).geometry.coordinates;
    return { lng: c[0] as number, lat: c[1] as number };
  };
  let hitIds: string[] = [];
  const choose = (id: string | undefined) => {
    if (!id) return;
    searchResults.hidden = true;
    searchInput.value = '';
    const st = stations.find((x) => x.id === id);
    if (st) {
      say(undefined);
      setCentre(st.at, () => `${st.name}${lang() === 'zh' ? '站' : ' station'}`);
      return;
    }
    const p = index.places.get(id);
    const at = p ? centreOf(p) : undefined;
    if (!p || !at) return;
    say(undefined);
    setCentre(at, () => (lang() === 'zh' ? p.properties.name : p.properties.name_en));
  };
  const updateSearch = () => {
    const q = searchInput.value;
    const all: Searchable[] = [...placeSearchables, ...stations.map(stationSearchable)];
    const hits = searchPlaces(all, q, 8);
    hitIds = hits.map((h) => h.id);
    const items = hits.map((h) => {
      const st = stations.find((x) => x.id === h.id);
      const p = index.places.get(h.id);
      let name = '';
      let meta = '';
      let dot: HTMLElement;
      if (st) {
        name = `${st.name}${lang() === 'zh' ? '站' : ''}`;
        meta = `${rt('station')} · ${st.lines.map((l) => (lang() === 'zh' && /^\d+$/.test(l) ? `${l}${rt('line')}` : `${l}`)).join(' ')}`;
        dot = el('span', { class: 'dot resident-station-dot', 'aria-hidden': 'true' }, 'M');
      } else {
        const pp = p as PlaceFeatureT;
        name = lang() === 'zh' ? pp.properties.name : pp.properties.name_en;
        meta = categoryLabel(pp.properties.category);
        const style = GROUP_STYLE[GROUP_OF[pp.properties.category]];
        dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style.icon);
        dot.style.background = style.colour;
        dot.style.color = style.ink;
      }
      const b = el(
        'button',
        { type: 'button', class: 'resident-result', 'data-id': h.id },
        dot,
        el('span', { class: 'result-name' }, name),
        el('span', { class: 'result-meta' }, meta),
      );
      b.onclick = () => choose(h.id);
      return el('li', {}, b);
    });
    if (q.trim() !== '' && items.length === 0) items.push(el('li', { class: 'muted' }, rt('noMatch')));
    searchResults.replaceChildren(...items);
    searchResults.hidden = q.trim() === '';
  };
  searchInput.oninput = () => void stationsReady.then(updateSearch);
  searchInput.onkeydown = (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void stationsReady.then(() => {
        updateSearch();
        choose(hitIds[0]);
      });
    } else if (e.key === 'Escape') searchResults.hidden = true;
  };

  // a tap on an empty part of the map moves the centre there (a tap on a place still selects it)
  const onMapClick = (e: MapMouseEvent) => {
    if (store.get().mode !== 'resident') return;
    if (ctx.places.featuresAt([e.point.x, e.point.y]).length > 0) return;
    say(undefined);
    setCentre({ lng: e.lngLat.lng, lat: e.lngLat.lat }, () => rt('centreTap'));
  };
  map.on('click', onMapClick);

  // --- the circle on the map ------------------------------------------------------------------------------
  const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  const ensureLayers = () => {
    if (map.getSource('resident-circle')) return;
    map.addSource('resident-circle', { type: 'geojson', data: empty });
    map.addSource('resident-centre', { type: 'geojson', data: empty });
    const below = map.getLayer('place-areas-fill') ? 'place-areas-fill' : undefined;
    map.addLayer(
      { id: 'resident-circle-fill', type: 'fill', source: 'resident-circle', paint: { 'fill-color': '#9b2226', 'fill-opacity': 0.06 } },
      below,
    );
    map.addLayer(
      {
        id: 'resident-circle-line',
        type: 'line',
        source: 'resident-circle',
        paint: { 'line-color': '#9b2226', 'line-width': 2, 'line-dasharray': [3, 2], 'line-opacity': 0.85 },
      },
      below,
    );
    map.addLayer({
      id: 'resident-centre-halo',
      type: 'circle',
      source: 'resident-centre',
      paint: {
        'circle-radius': 11,
        'circle-color': '#ffffff',
        'circle-opacity': 0.9,
        'circle-stroke-color': '#9b2226',
        'circle-stroke-width': 1,
      },
    });
    map.addLayer({
      id: 'resident-centre',
      type: 'circle',
      source: 'resident-centre',
      paint: { 'circle-radius': 6, 'circle-color': '#005fcc', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
  };
  const drawCircle = (near: LngLat | undefined, radius: number) => {
    ensureLayers();
    const circle = map.getSource('resident-circle') as GeoJSONSource;
    const centre = map.getSource('resident-centre') as GeoJSONSource;
    if (!near) {
      circle.setData(empty);
      centre.setData(empty);
      return;
    }
    circle.setData({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [circlePolygon(near, radius)] },
    });
    centre.setData({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [near.lng, near.lat] } });
  };

  /** The part of the map hidden by the bottom sheet or the card, as main.ts measures it for places. */
  const covered = () => {
    const m = map.getContainer().getBoundingClientRect();
    const pad = { top: 0, right: 0, bottom: 0, left: 0 };
    const cover = (r: DOMRect) => {
      if (r.width === 0 || r.height === 0) return;
      if (r.width > m.width * 0.8) pad.bottom = Math.max(pad.bottom, m.bottom - r.top);
      else pad.right = Math.max(pad.right, m.right - r.left);
    };
    const card = document.getElementById('card');
    if (card && !card.hidden) cover(card.getBoundingClientRect());
    const side = document.getElementById('side');
    const sideRect = side?.getBoundingClientRect();
    if (sideRect && sideRect.top > m.top + 10) cover(sideRect);
    pad.bottom = Math.min(Math.max(0, pad.bottom), m.height * 0.7);
    pad.right = Math.min(Math.max(0, pad.right), m.width * 0.7);
    return pad;
  };
  let fitTimer = 0;
  const fitCircle = (near: LngLat, radius: number, animate: boolean) => {
    window.clearTimeout(fitTimer);
    // Let the bottom sheet finish its height transition before measuring what it covers.
    fitTimer = window.setTimeout(() => {
      const ring = circlePolygon(near, radius, 32);
      const lngs = ring.map((p) => p[0] as number);
      const lats = ring.map((p) => p[1] as number);
      const bounds: LngLatBoundsLike = [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ];
      const c = covered();
      const pad = { top: c.top + 24, right: c.right + 24, bottom: c.bottom + 24, left: c.left + 24 };
      const m = map.getContainer().getBoundingClientRect();
      // On a tiny map, keep at least a 60 px window for the circle.
      if (m.height - pad.top - pad.bottom < 60) pad.bottom = Math.max(0, m.height - pad.top - 60);
      if (m.width - pad.left - pad.right < 60) pad.right = Math.max(0, m.width - pad.left - 60);
      map.fitBounds(bounds, { padding: pad, maxZoom: 17, duration: animate ? 700 : 0 });
    }, 230);
  };

  // --- rendering ------------------------------------------------------------------------------------------------
  const sentencesOf = (placeId: string): Array<{ text: string; phase: Phase }> => {
    const out: Array<{ text: string; phase: Phase }> = [];
    const seen = new Set<string>();
    for (const p of index.projectsByPlace.get(placeId) ?? []) {
      if (seen.has(p.quote)) continue;
      seen.add(p.quote);
      out.push({ text: p.quote, phase: p.phase });
    }
    if (out.length === 0)
      for (const m of index.mentionsByPlace.get(placeId) ?? []) {
        const s = sentenceAt(data.report, m.paragraphId, m.start);
        const para = data.report.paragraphs.find((x) => x.id === m.paragraphId);
        if (!s || !para || seen.has(s.text)) continue;
        seen.add(s.text);
        out.push({ text: s.text.trim(), phase: para.phase });
      }
    return out;
  };

  const quoteItem = (q: { text: string; phase: Phase }) =>
    el(
      'li',
      { class: 'resident-quote' },
      el('span', { class: 'tag resident-phase', 'data-phase': q.phase }, phaseLabel(q.phase)),
      el('q', {}, q.text),
    );

  const renderList = (hits: NearHit[], hidden: number, selected: string | undefined) => {
    const items = hits.map((h) => {
      const p = index.places.get(h.id) as PlaceFeatureT;
      const pr = p.properties;
      const style = GROUP_STYLE[GROUP_OF[pr.category]];
      const dot = el('span', { class: 'dot', 'aria-hidden': 'true' }, style.icon);
      dot.style.background = style.colour;
      dot.style.color = style.ink;
      const name = lang() === 'zh' ? pr.name : pr.name_en;
      const head = el(
        'button',
        { type: 'button', class: 'resident-item-head', 'aria-pressed': String(h.id === selected) },
        dot,
        el('span', { class: 'resident-item-name' }, name),
        el('span', { class: 'resident-distance' }, formatDistance(h.distanceM)),
      );
      head.onclick = () => ctx.select(h.id);
      const meta = el(
        'p',
        { class: 'resident-item-meta' },
        [categoryLabel(pr.category), pr.phases.map(phaseLabel).join(' / '), pr.subdistrict ?? ''].filter(Boolean).join(' · '),
      );
      const quotes = sentencesOf(h.id);
      const shown = el('ul', { class: 'resident-quotes' }, ...quotes.slice(0, 2).map(quoteItem));
      const rest =
        quotes.length > 2
          ? el(
              'details',
              { class: 'resident-more' },
              el('summary', {}, `${rt('more')} (${quotes.length - 2})`),
              el('ul', { class: 'resident-quotes' }, ...quotes.slice(2).map(quoteItem)),
            )
          : null;
      const li = el(
        'li',
        {
          class: `resident-item${h.id === selected ? ' is-selected' : ''}`,
          'data-place-id': h.id,
          'data-distance': h.distanceM.toFixed(1),
        },
        head,
        meta,
        shown,
        rest,
      );
      li.onpointerenter = () => store.hover(h.id);
      li.onpointerleave = () => store.hover(undefined);
      head.onfocus = () => store.hover(h.id);
      head.onblur = () => store.hover(undefined);
      return li;
    });
    list.replaceChildren(...items);
    const sentences = hits.reduce((n, h) => n + sentencesOf(h.id).length, 0);
    summary.replaceChildren(
      hits.length
        ? `${hits.length} ${rt('placesWithin')} · ${sentences} ${rt('sentencesWithin')}`
        : el('span', { class: 'muted' }, rt('none')),
      hidden > 0 ? el('span', { class: 'muted resident-hidden' }, ` (${hidden} ${rt('hiddenByFilters')})`) : '',
    );
  };

  const renderSubdistrict = (near: LngLat) => {
    const sd = data.subdistricts.features.find((f) => booleanPointInPolygon([near.lng, near.lat], f as GeoJSON.Feature<GeoJSON.Polygon>));
    if (!sd) {
      sdBox.dataset.subdistrict = '';
      sdBox.replaceChildren(el('p', { class: 'muted' }, rt('notInXicheng')));
      return;
    }
    const name = sd.properties.name;
    sdBox.dataset.subdistrict = name;
    const s = summariseSubdistrict(name, data.places.features, data.projects);
    const chips = (pairs: Array<[string, number]>, label: (k: string) => string) =>
      el('ul', { class: 'resident-chips' }, ...pairs.map(([k, n]) => el('li', { class: 'tag' }, `${label(k)} ${n}`)));
    const top = s.top.map((p) => {
      const b = el(
        'button',
        { type: 'button', class: 'linklike', 'data-place-id': p.id },
        lang() === 'zh' ? p.properties.name : p.properties.name_en,
      );
      b.onclick = () => ctx.select(p.id);
      return el('li', {}, b, el('span', { class: 'muted' }, ` ${p.properties.mentions}×`));
    });
    const parts: Array<HTMLElement | null> = [
      el('h3', { class: 'resident-sd-name' }, `${rt('subdistrictIn')} `, el('strong', {}, lang() === 'zh' ? name : sd.properties.name_en)),
      el('p', { class: 'muted' }, `${rt('sdSummary')} ${s.places.length} ${rt('sdPlaces')} ${s.projects.length} ${rt('sdItems')}`),
      s.byTheme.length
        ? el(
            'div',
            {},
            el('span', { class: 'resident-label' }, rt('byTheme')),
            chips(s.byTheme, (k) => THEME_LABELS[k as keyof typeof THEME_LABELS][lang()]),
          )
        : null,
      s.byPhase.length
        ? el(
            'div',
            {},
            el('span', { class: 'resident-label' }, rt('byPhase')),
            chips(s.byPhase, (k) => phaseLabel(k as Phase)),
          )
        : null,
      top.length
        ? el('div', {}, el('span', { class: 'resident-label' }, rt('topItems')), el('ol', { class: 'resident-top' }, ...top))
        : null,
    ];
    sdBox.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  };

  store.onHover((id) => {
    for (const li of list.querySelectorAll<HTMLElement>('.resident-item.is-hover')) li.classList.remove('is-hover');
    if (id) list.querySelector<HTMLElement>(`.resident-item[data-place-id="${CSS.escape(id)}"]`)?.classList.add('is-hover');
  });

  let painted: { key: string } | undefined;
  let firstRender = true;
  return {
    render(s, prev) {
      const radius = s.radius ?? RADIUS_DEFAULT;
      const langChanged = !prev || prev.lang !== s.lang || firstRender;
      if (langChanged) paintStatic();
      radiusInput.value = String(radius);
      radiusValue.textContent = formatRadius(radius);
      for (const b of quick) b.setAttribute('aria-pressed', String(Number(b.dataset.radius) === radius));
      drawCircle(s.near, radius);
      // once a centre is chosen, the list matters more than the instructions (a phone's half sheet is short)
      intro.hidden = s.near !== undefined;
      if (!s.near) {
        centreLine.textContent = '';
        sdBox.replaceChildren();
        summary.replaceChildren();
        list.replaceChildren();
        painted = undefined;
        firstRender = false;
        return;
      }
      // the list: rebuilt only when something it shows changed
      const visibleIds = new Set(ctx.visiblePlaces().map((p) => p.id));
      const key = JSON.stringify([s.near, radius, s.lang, [...visibleIds].length, serializeFilters(s), s.outside, s.place]);
      if (painted?.key !== key) {
        const all = nearPlaces(nearIndex, s.near, radius);
        const hits = all.filter((h) => visibleIds.has(h.id));
        renderList(hits, all.length - hits.length, s.place);
        renderSubdistrict(s.near);
        centreLine.textContent = `${rt('centre')}: ${centreLabel()} (${s.near.lat.toFixed(5)}, ${s.near.lng.toFixed(5)})`;
        painted = { key };
        if (prev?.place !== s.place && s.place)
          list.querySelector(`.resident-item[data-place-id="${CSS.escape(s.place)}"]`)?.scrollIntoView({ block: 'nearest' });
      }
      // frame the circle when the centre or radius changes (or on arrival without a saved map view)
      const moved = !prev || !sameNear(prev.near, s.near) || prev.radius !== s.radius || prev.mode !== 'resident';
      if (moved && !(!prev && s.view)) fitCircle(s.near, radius, prev !== undefined);
      firstRender = false;
    },
    leave() {
      window.clearTimeout(fitTimer);
      drawCircle(undefined, 0);
      say(undefined);
      painted = undefined;
      firstRender = true;
    },
  };
}

function serializeFilters(s: UrlState): string {
  return Object.entries(s.filters)
    .map(([k, v]) => `${k}:${[...(v as ReadonlySet<string>)].sort().join(',')}`)
    .join('|');
}
