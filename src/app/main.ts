import type { Map as MlMap } from 'maplibre-gl';
import './style.css';
import type { Mention } from '../core/geoparse/matcher';
import type { PlaceFeatureT } from '../core/places/model';
import { applyFilters, EMPTY_FILTERS, FACET_VALUES, type FacetKey, type Filters, facetCounts } from '../core/state/filters';
import { decodeFragment, describeIgnored, type Message } from '../core/state/link';
import { type Dropped, parseUrlState, serializeUrlState, type UrlState } from '../core/state/url';
import { type AtlasData, startLoading } from './data';
import { lang, setLang, t } from './i18n';
import { BASEMAP_ATTRIBUTION, basemapLegend } from './map/basemap/index';
import { createMap } from './map/create-map';
import { hideArcs, showArcs } from './map/layers/arcs';
import { PlacesOnMap } from './map/places-controller';
import type { AppContext } from './modes/context';
import { MODE_MODULES } from './modes/index';
import { renderAbout } from './panels/about';
import { mentionsOf, renderCard } from './panels/card';
import { renderFilters } from './panels/filters';
import { renderLegend } from './panels/legend';
import { mountNotice, type Notice } from './panels/notice';
import { renderPlaceList } from './panels/place-list';
import { dimByFilter, markMentions, renderReport, scrollToParagraph } from './panels/report-panel';
import { mountSearch } from './panels/search';
import { Store } from './store';

declare global {
  interface Window {
    /** Handle for tests and the console: the live map, the store and the data it shows. */
    atlas?: { map: MlMap; store: Store; data: AtlasData; ready: true };
  }
}

/** No ids known yet: the early read of the URL takes only what needs no data (mode, view). */
const NO_IDS = { places: new Set<string>(), paragraphs: new Set<string>(), subdistricts: new Set<string>() };

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let banner: Notice | undefined;
function notice(message: string | Message): void {
  banner ??= mountNotice($('notice'), () => t('close'));
  banner.show(message);
}

function announce(message: string): void {
  $('announcer').textContent = message;
}

function describeDropped(d: Dropped[]): Message {
  return describeIgnored(d, lang());
}

async function start(): Promise<void> {
  // The map starts before the data is in: its style, worker and basemap load while the report and
  // the places are fetched and validated. Only mode and view are read from the URL this early; the
  // full parse below needs the data to check place and paragraph ids.
  const early = parseUrlState(location.search, NO_IDS).state;
  const loading = startLoading();
  const attribution =
    '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL) · roads: MSR T-Drive network · districts: AMap DataV';
  // Without WebGL (old device, locked-down kiosk browser, GPU blocklist) MapLibre throws; the app then
  // runs without the map. No separate probe first: creating a WebGL context costs ~100 ms without a GPU.
  const mapReady = createMap($('map'), loading.boundaries, early.view, attribution, early.mode === 'kiosk' ? 'dark' : 'light').catch(
    (e: unknown) => {
      console.error(e);
      return undefined;
    },
  );
  const data = await loading.all;
  const { report, index } = data;
  const known = {
    places: new Set(index.places.keys()),
    paragraphs: new Set(report.paragraphs.map((p) => p.id)),
    subdistricts: new Set(data.subdistricts.features.map((f) => f.properties.name)),
  };
  const parsed = parseUrlState(location.search, known);
  const dropped = [...parsed.dropped];
  // A bare #p3-2-4 (the shortest paragraph link) also works.
  const frag = decodeFragment(location.hash);
  const hash = frag.value;
  if (hash) {
    if (!frag.malformed && known.paragraphs.has(hash)) parsed.state.paragraph = hash;
    else dropped.push({ param: '#', value: hash, reason: frag.malformed ? 'malformed escape' : 'no such paragraph' });
  }
  if (dropped.length) notice(describeDropped(dropped));
  setLang(parsed.state.lang);
  const store = new Store(parsed.state);
  let cardIndex = 0;

  const reportEl = $('report');
  const side = $('side');

  // --- derived views -------------------------------------------------------------------------
  const inScope = (s: UrlState) => data.places.features.filter((f) => s.outside || f.properties.inXicheng);
  const visible = (s: UrlState) => applyFilters(inScope(s), s.filters);
  const paragraphVisible = (f: Filters) => (id: string) => {
    const p = report.paragraphs.find((x) => x.id === id);
    if (!p) return false;
    return (f.theme.size === 0 || f.theme.has(p.theme)) && (f.phase.size === 0 || f.phase.has(p.phase));
  };
  const facetValues: Record<FacetKey, string[]> = {
    theme: [...FACET_VALUES.theme].filter((v) => data.places.features.some((f) => f.properties.themes.includes(v))),
    phase: [...FACET_VALUES.phase].filter((v) => data.places.features.some((f) => f.properties.phases.includes(v))),
    category: [...FACET_VALUES.category].filter((v) => data.places.features.some((f) => f.properties.category === v)),
    subdistrict: data.subdistricts.features.map((f) => f.properties.name),
    precision: [...FACET_VALUES.precision].filter((v) => data.places.features.some((f) => f.properties.precision === v)),
  };

  // --- static text in the current language -----------------------------------------------------
  const paintChrome = () => {
    $('btn-lang').textContent = t('lang');
    $('btn-about').textContent = t('about');
    $('tab-report').textContent = t('tabReport');
    $('tab-list').textContent = t('tabList');
    $('tab-filters').textContent = t('tabFilters');
    $('label-story').textContent = t('story');
    $('label-outside').textContent = t('outside');
    $('btn-legend').textContent = t('legend');
    $('about-close').textContent = t('close');
    for (const [id, label] of tabLabels) $(`tab-${id}`).textContent = label();
    const theme = store.get().mode === 'kiosk' ? 'dark' : 'light';
    renderLegend(
      $('legend'),
      basemapLegend(theme).map((e) => {
        const sw = document.createElement('span');
        sw.className = `legend-swatch legend-${e.kind}`;
        sw.style.setProperty('--swatch', e.swatch);
        sw.setAttribute('aria-hidden', 'true');
        const li = document.createElement('li');
        li.append(sw, lang() === 'zh' ? e.label_zh : e.label_en);
        return li;
      }),
    );
    renderAbout(
      $('about-content'),
      BASEMAP_ATTRIBUTION.map((a) => `${a.covers}: ${a.text} (${a.licence})`),
    );
  };

  // --- actions ---------------------------------------------------------------------------------
  let places: PlacesOnMap | undefined;
  let map: MlMap | undefined;
  // Arcs to places outside start at the 金融街 subdistrict's label point, the district's centre of gravity in the report.
  const origin = (): [number, number] => {
    const l = data.subdistricts.features.find((f) => f.properties.short === '金融街')?.properties.label;
    return l ? [l[0], l[1]] : [116.36, 39.915];
  };
  let suppressStoryUntil = 0;
  const placesToShow = (p: PlaceFeatureT): PlaceFeatureT[] =>
    p.geometry ? [p] : (p.properties.parts ?? []).map((id) => index.places.get(id)).filter((x): x is PlaceFeatureT => !!x);

  const select = (id: string | undefined, opts: { fly?: boolean; mention?: Mention } = {}) => {
    const place = id ? index.places.get(id) : undefined;
    if (opts.mention && place)
      cardIndex = Math.max(
        0,
        mentionsOf(data, place.id).findIndex((m) => m.paragraphId === opts.mention?.paragraphId && m.start === opts.mention.start),
      );
    else if (id !== store.get().place) cardIndex = 0;
    const patch: Partial<UrlState> = { place: id };
    if (opts.mention) patch.paragraph = opts.mention.paragraphId;
    store.set(patch, { push: true });
    if (place && opts.fly !== false) {
      suppressStoryUntil = performance.now() + 1500;
      places?.show(placesToShow(place));
    }
    if (place) announce(`${place.properties.name} ${place.properties.name_en}`);
  };

  const goToMention = (m: Mention) => {
    const owner = m.via ?? m.placeId;
    const list = mentionsOf(data, owner);
    cardIndex = Math.max(
      0,
      list.findIndex((x) => x.paragraphId === m.paragraphId && x.start === m.start),
    );
    suppressStoryUntil = performance.now() + 1500;
    showTab('report');
    scrollToParagraph(reportEl, m.paragraphId, { start: m.start });
    store.set({ paragraph: m.paragraphId }, { push: false });
  };

  const showParagraphOnMap = (pid: string) => {
    const ids = new Set((index.mentionsByParagraph.get(pid) ?? []).map((m) => m.placeId));
    const list = [...ids].map((id) => index.places.get(id)).filter((p): p is PlaceFeatureT => !!p?.geometry);
    const outsideNeeded = list.some((p) => !p.properties.inXicheng);
    store.set({ paragraph: pid, ...(outsideNeeded ? { outside: true } : {}) }, { push: true });
    suppressStoryUntil = performance.now() + 1500;
    places?.show(list);
  };

  // --- tabs and sheet ---------------------------------------------------------------------------
  const tabs: string[] = ['report', 'list', 'filters'];
  const tabShown = new Map<string, () => void>();
  const showTab = (name: string) => {
    for (const n of tabs) {
      const tab = $(`tab-${n}`);
      tab.setAttribute('aria-selected', String(n === name));
      tab.tabIndex = n === name ? 0 : -1;
      $(n).hidden = n !== name;
    }
    tabShown.get(name)?.();
  };
  for (const n of tabs) $(`tab-${n}`).onclick = () => showTab(n);
  const tabLabels = new Map<string, () => string>();
  const addTab = (id: string, label: () => string, onShow?: () => void): HTMLElement => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.role = 'tab';
    tab.id = `tab-${id}`;
    tab.setAttribute('aria-controls', id);
    tab.setAttribute('aria-selected', 'false');
    tab.tabIndex = -1;
    tab.textContent = label();
    tab.onclick = () => showTab(id);
    document.querySelector('.tabs')?.append(tab);
    const panel = document.createElement('section');
    panel.id = id;
    panel.role = 'tabpanel';
    panel.setAttribute('aria-labelledby', tab.id);
    panel.className = 'pane';
    panel.hidden = true;
    side.append(panel);
    tabs.push(id);
    tabLabels.set(id, label);
    if (onShow) tabShown.set(id, onShow);
    return panel;
  };
  $('sheet-toggle').onclick = () => {
    const order = ['peek', 'half', 'full'];
    side.dataset.sheet = order[(order.indexOf(side.dataset.sheet ?? 'half') + 1) % order.length];
  };
  document.querySelector('.tabs')?.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
    const cur = tabs.findIndex((n) => $(`tab-${n}`).getAttribute('aria-selected') === 'true');
    const next = tabs[(cur + (k === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length] ?? 'report';
    showTab(next);
    $(`tab-${next}`).focus();
  });

  // --- buttons -----------------------------------------------------------------------------------
  $('btn-lang').onclick = () => store.set({ lang: lang() === 'zh' ? 'en' : 'zh' }, { push: true });
  const about = $('about');
  $('btn-about').onclick = () => {
    about.hidden = false;
    $('about-close').focus();
  };
  $('about-close').onclick = () => {
    about.hidden = true;
    $('btn-about').focus();
  };
  about.onkeydown = (e) => {
    if (e.key === 'Escape') $('about-close').click();
  };
  $('btn-legend').onclick = () => {
    const lg = $('legend');
    lg.hidden = !lg.hidden;
    $('btn-legend').setAttribute('aria-expanded', String(!lg.hidden));
  };
  const storyBox = $<HTMLInputElement>('toggle-story');
  storyBox.onchange = () => store.set({ story: storyBox.checked }, { push: true });
  const outsideBox = $<HTMLInputElement>('toggle-outside');
  outsideBox.onchange = () => store.set({ outside: outsideBox.checked }, { push: true });

  // --- report and search ------------------------------------------------------------------------
  const renderText = () =>
    renderReport(reportEl, data, {
      onMentionClick: (placeId, paragraphId, start) => {
        const m = (index.mentionsByParagraph.get(paragraphId) ?? []).find((x) => x.start === start);
        select(placeId, m ? { mention: m } : {});
      },
      onHover: (id) => store.hover(id),
      onShowParagraph: showParagraphOnMap,
    });
  renderText();
  const search = mountSearch(
    $('search'),
    () => inScope({ ...store.get(), outside: true }),
    (id) => {
      const p = index.places.get(id);
      if (p && !p.properties.inXicheng && !store.get().outside) store.set({ outside: true }, { push: false });
      select(id);
    },
  );

  // --- render from state ---------------------------------------------------------------------------
  let lastLang = store.get().lang;
  const render = (s: UrlState, prev?: UrlState) => {
    if (s.lang !== lastLang) {
      setLang(s.lang);
      lastLang = s.lang;
      paintChrome();
      renderText();
      search.refresh();
    }
    const vis = visible(s);
    const visIds = new Set(vis.map((f) => f.id));
    places?.setPlaces(vis, s.lang);
    renderFilters(
      $('filters'),
      { values: facetValues, counts: facetCounts(inScope(s), s.filters), filters: s.filters, shown: vis.length },
      (facet, value, on) => {
        const next = new Set(store.get().filters[facet] as ReadonlySet<string>);
        if (on) next.add(value);
        else next.delete(value);
        store.set({ filters: { ...store.get().filters, [facet]: next } }, { push: true });
      },
      () => store.set({ filters: EMPTY_FILTERS }, { push: true }),
    );
    renderPlaceList($('list'), vis, s.place, (id) => select(id));
    dimByFilter(reportEl, paragraphVisible(s.filters), (id) => visIds.has(id) || !index.places.get(id)?.geometry);
    const place = s.place ? index.places.get(s.place) : undefined;
    const card = $('card');
    if (place) {
      renderCard(card, data, place, cardIndex, {
        onClose: () => select(undefined),
        onGoToMention: goToMention,
        onSelect: (id) => select(id),
      });
    } else {
      card.hidden = true;
      delete card.dataset.placeId;
    }
    places?.select(place);
    markMentions(reportEl, 'is-selected', new Set(place ? [place.id] : []));
    storyBox.checked = s.story;
    outsideBox.checked = s.outside;
    if (map && s.outside && !prev?.outside) {
      void showArcs(map, origin(), data.places.features, (id) => select(id));
      // Turning the outside places on is a request to see them: frame them with the district.
      if (prev && !s.place)
        places?.show(
          data.places.features.filter((f) => f.geometry && (!f.properties.inXicheng || f.properties.category === 'subdistrict')),
        );
    }
    if (!s.outside && prev?.outside) hideArcs();
    document.body.dataset.mode = s.mode;
  };

  // --- the map ------------------------------------------------------------------------------------
  paintChrome();
  const created = await mapReady;
  map = created?.map;
  if (!map || !created) {
    // No WebGL (old device, locked-down kiosk browser, GPU blocklist): the report, the list, the
    // filters, search and the place cards all still work without the map.
    document.body.dataset.nomap = 'true';
    notice(t('noWebgl'));
    store.subscribe((st, prev) => render(st, prev));
    render(store.get());
    if (store.get().paragraph) scrollToParagraph(reportEl, store.get().paragraph as string);
    document.body.dataset.ready = 'true';
    return;
  }
  // The basemap and the district outline are added under the places as their files arrive. The
  // legend describes the basemap actually drawn (default, OSM or a provider): paint it again then.
  const layersReady = created.layersReady.then(paintChrome, (e: unknown) => {
    console.error(e);
    notice(`${t('basemapFailed')} ${e instanceof Error ? e.message : String(e)}`);
  });
  const centre = map.getCenter();
  // Panels that float over the map: a place flown to must land in the part of the map left visible.
  const covered = () => {
    const m = $('map').getBoundingClientRect();
    const pad = { top: 0, right: 0, bottom: 0, left: 0 };
    const account = (r: DOMRect) => {
      if (r.width === 0 || r.height === 0) return;
      const narrow = r.width > m.width * 0.8;
      if (narrow) pad.bottom = Math.max(pad.bottom, Math.max(0, m.bottom - r.top));
      else pad.right = Math.max(pad.right, Math.max(0, m.right - r.left));
    };
    const card = $('card');
    // The card is laid out before it is filled: measure where it will be even while hidden.
    if (!card.hidden || store.get().place) {
      const was = card.hidden;
      card.hidden = false;
      account(card.getBoundingClientRect());
      card.hidden = was;
    }
    const sideRect = side.getBoundingClientRect();
    if (sideRect.top > m.top + 10) account(sideRect);
    pad.bottom = Math.min(pad.bottom, m.height * 0.7);
    pad.right = Math.min(pad.right, m.width * 0.7);
    return pad;
  };
  places = new PlacesOnMap(map, centre.lat, { onSelect: (id) => select(id, { fly: false }), onHover: (id) => store.hover(id) }, covered);

  store.subscribe(render);
  const afterRender: Array<(s: UrlState, prev: UrlState | undefined) => void> = [];
  store.subscribe((s, prev) => {
    for (const fn of afterRender) fn(s, prev);
  });
  store.onHover((id) => {
    places?.setHover(id);
    markMentions(reportEl, 'is-hover', new Set(id ? [id] : []));
  });

  // --- URL <-> state ---------------------------------------------------------------------------------
  const writeUrl = (s: UrlState, push: boolean) => {
    const q = serializeUrlState(s);
    const url = `${location.pathname}${q ? `?${q}` : ''}`;
    if (url === `${location.pathname}${location.search}` && !location.hash) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  store.onCommit = writeUrl;
  /** A #p… paragraph link followed within the page: mark and scroll to it, or say it does not exist. */
  const followHash = (): void => {
    const { value: id, malformed } = decodeFragment(location.hash);
    if (!id) return;
    if (malformed || !scrollToParagraph(reportEl, id))
      notice(describeDropped([{ param: '#', value: id, reason: malformed ? 'malformed escape' : 'no such paragraph' }]));
    else store.set({ paragraph: id }, { push: false });
  };
  window.addEventListener('popstate', () => {
    const next = parseUrlState(location.search, known);
    if (next.dropped.length) notice(describeDropped(next.dropped));
    cardIndex = 0;
    // A fragment link fires popstate before hashchange, and what follows may rewrite the URL (and
    // drop the fragment) before hashchange is handled: the fragment is read here first.
    const hash = location.hash.length > 1;
    if (hash) followHash();
    store.replace(hash ? { ...next.state, paragraph: store.get().paragraph } : next.state);
    if (next.state.view) map.jumpTo({ center: [next.state.view.lng, next.state.view.lat], zoom: next.state.view.zoom });
    if (!hash && next.state.paragraph) scrollToParagraph(reportEl, next.state.paragraph);
  });
  window.addEventListener('hashchange', followHash);
  // A resize of the map's box (layout, fonts, rotation) keeps centre and zoom: it is not a view to
  // write into the URL, and writing it would put the default view into every fresh page's address.
  let resizing = false;
  map.on('resize', () => {
    resizing = true;
  });
  map.on('moveend', () => {
    if (resizing) {
      resizing = false;
      return;
    }
    const c = map.getCenter();
    store.set({ view: { lng: c.lng, lat: c.lat, zoom: map.getZoom() } }, { push: false });
  });

  // --- story mode: the map follows the paragraph being read ------------------------------------------
  let storyTimer = 0;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!store.get().story || performance.now() < suppressStoryUntil) return;
      const top = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
      if (!top) return;
      window.clearTimeout(storyTimer);
      storyTimer = window.setTimeout(() => {
        const pid = top.target.id;
        const ids = new Set((index.mentionsByParagraph.get(pid) ?? []).map((m) => m.placeId));
        const list = [...ids]
          .map((id) => index.places.get(id))
          .filter((p): p is PlaceFeatureT => !!p?.geometry && (store.get().outside || p.properties.inXicheng));
        if (list.length === 0) return;
        for (const a of reportEl.querySelectorAll('.para.is-reading')) a.classList.remove('is-reading');
        top.target.classList.add('is-reading');
        places?.show(list);
      }, 250);
    },
    { root: reportEl, rootMargin: '0px 0px -65% 0px', threshold: 0 },
  );
  for (const a of reportEl.querySelectorAll('article.para')) observer.observe(a);

  // --- modes -------------------------------------------------------------------------------------------
  const ctx: AppContext = {
    data,
    store,
    map,
    places,
    select,
    visiblePlaces: () => visible(store.get()),
    onRender: (fn) => afterRender.push(fn),
    notice,
    announce,
    ui: {
      addTab,
      showTab,
      mapPanel: document.querySelector('.map-panel') as HTMLElement,
      topbar: document.querySelector('.topbar') as HTMLElement,
    },
  };
  // --- first paint -----------------------------------------------------------------------------------
  render(store.get());
  const first = store.get();
  if (first.paragraph) {
    suppressStoryUntil = performance.now() + 2000;
    scrollToParagraph(reportEl, first.paragraph);
  }
  if (first.place && !first.view) {
    const p = index.places.get(first.place);
    if (p) places.show(placesToShow(p), { animate: false });
  }
  // The modes are fetched once the map has painted: their code is not needed for the first view,
  // and keeping it out of the initial bundle keeps that within its size budget.
  await layersReady;
  map.once('idle', async () => {
    // The moment the map and all its layers first settle; the benchmark reads this mark.
    performance.mark('atlas-map-idle');
    try {
      const modules = await Promise.all(MODE_MODULES.map((load) => load()));
      for (const m of modules) await m.mount(ctx);
    } catch (e) {
      console.error(e);
      notice(`${t('modesFailed')} ${e instanceof Error ? e.message : String(e)}`);
    }
    render(store.get());
    for (const fn of afterRender) fn(store.get(), undefined);
    window.atlas = { map, store, data, ready: true };
    document.body.dataset.ready = 'true';
    document.body.dataset.mapReady = 'true';
  });
  // A render after the listener is in place, so that 'idle' follows even if the map had settled already.
  map.triggerRepaint();
}

// Offline reload and safe updates (service worker): a lazy chunk that registers after the load event.
void import('./offline').then((m) => m.startOffline()).catch((e: unknown) => console.error(e));

start().catch((e: unknown) => {
  notice(`载入失败 · Failed to load: ${e instanceof Error ? e.message : String(e)}`);
  console.error(e);
});
