import './style.css';
import { changedKeys } from '../core/state/changes';
import { decodeFragment, describeIgnored, type Message } from '../core/state/link';
import { createSelectors, placesToShow } from '../core/state/selectors';
import { type Dropped, type KnownIds, parseUrlState, type UrlState } from '../core/state/url';
import { createMainScreen } from './app';
import { type AtlasData, startLoading } from './data';
import { lang, setLang, t } from './i18n';
import { createMap } from './map/create-map';
import { themeOf } from './map/theme';
import { attachMapScreen } from './map-screen';
import type { AppContext } from './modes/context';
import { ModeHost } from './modes/host';
import { MODES } from './modes/index';
import { mountNotice, type Notice } from './panels/notice';
import { $, mountShell } from './shell';
import { Store } from './store';
import { followReading } from './story';
import { expose, TEST_HOOKS } from './test-hooks';
import { syncUrl } from './url-sync';

const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL) · roads: MSR T-Drive network · districts: AMap DataV';

/** No ids known yet: the early read of the URL takes only what needs no data (mode, view). */
const NO_IDS: KnownIds = { places: new Set(), paragraphs: new Set(), subdistricts: new Set() };

let banner: Notice | undefined;
/** The one notice box: capped, closable, repeats collapsed, text from a link quoted as such (panels/notice.ts). */
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

/** The state a link asks for, with what it named that does not exist listed (a bare #p3-2-4 also works). */
function initialState(data: AtlasData): { state: UrlState; known: KnownIds; dropped: Dropped[] } {
  const known: KnownIds = {
    places: new Set(data.index.places.keys()),
    paragraphs: new Set(data.report.paragraphs.map((p) => p.id)),
    subdistricts: new Set(data.subdistricts.features.map((f) => f.properties.name)),
  };
  const parsed = parseUrlState(location.search, known);
  const dropped = [...parsed.dropped];
  // A bare #p3-2-4 (the shortest paragraph link) also works; a malformed escape never stops the app.
  const frag = decodeFragment(location.hash);
  const hash = frag.value;
  if (hash) {
    if (!frag.malformed && known.paragraphs.has(hash)) parsed.state.paragraph = hash;
    else dropped.push({ param: '#', value: hash, reason: frag.malformed ? 'malformed escape' : 'no such paragraph' });
  }
  return { state: parsed.state, known, dropped };
}

async function start(): Promise<void> {
  // The map starts before the data is in: its style, worker and basemap load while the report and
  // the places are fetched and validated. Only mode and view are read from the URL this early.
  const early = parseUrlState(location.search, NO_IDS).state;
  const loading = startLoading();
  // Without WebGL (old device, locked-down kiosk browser, GPU blocklist) MapLibre throws; the app then
  // runs without the map. No separate probe first: creating a WebGL context costs ~100 ms without a GPU.
  const mapReady = createMap($('map'), loading.boundaries, early, ATTRIBUTION).catch((e: unknown) => {
    console.error(e);
    return undefined;
  });
  const data = await loading.all;
  const { state, known, dropped } = initialState(data);
  if (dropped.length) notice(describeDropped(dropped));
  setLang(state.lang);
  const store = new Store(state);
  const selectors = createSelectors({
    places: data.places.features,
    subdistrictNames: data.subdistricts.features.map((f) => f.properties.name),
  });
  const shell = mountShell(store);
  const screen = createMainScreen(data, store, selectors, shell, announce, notice);
  store.subscribe((s, _prev, changed) => screen.update(s, changed));
  screen.update(store.get(), changedKeys(undefined, store.get()));
  const story = followReading($('report'), store, data.index, (list) => mapScreen?.camera.show(list));
  screen.setStoryHold(story.hold);
  store.subscribe((_s, _p, changed) => changed.has('lang') && story.observe());
  if (store.get().paragraph) {
    story.hold(2000);
    screen.report.scrollTo(store.get().paragraph as string);
  }

  const created = await mapReady;
  const mapScreen = created ? attachMapScreen(created, data, store, selectors, screen) : undefined;
  syncUrl(store, created?.map, {
    known,
    onDropped: (d) => notice(describeDropped(d)),
    showParagraph: (id) => screen.report.scrollTo(id),
    jumpTo: (v) => created?.map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom }),
    scrollTo: (id) => screen.report.scrollTo(id),
  });
  if (!created || !mapScreen) {
    // No WebGL: the report, the list, the filters, search and the place cards all still work.
    document.body.dataset.nomap = 'true';
    notice(t('noWebgl'));
    document.body.dataset.ready = 'true';
    if (TEST_HOOKS) expose('atlas', { store, data, ready: true });
    startOffline();
    return;
  }
  const { map } = created;
  const first = store.get();
  const firstPlace = first.place ? data.index.places.get(first.place) : undefined;
  // A link to a place on a phone: the sheet down to its peek, so the card and the place above it are both in view.
  if (firstPlace && window.matchMedia('(max-width: 720px)').matches) $('side').dataset.sheet = 'peek';
  if (firstPlace && !first.view) mapScreen.camera.show(placesToShow(firstPlace, data.index.places), { animate: false });
  // The basemap and the district outline are added as their files arrive; the legend describes
  // the basemap actually drawn, so it is painted again then.
  const layersReady = created.layersReady.then(shell.repaint, (e: unknown) => {
    console.error(e);
    notice(`${t('basemapFailed')} ${e instanceof Error ? e.message : String(e)}`);
  });
  await layersReady;
  map.once('idle', () => {
    // The moment the map and all its layers first settle; the benchmark reads this mark.
    performance.mark('atlas-map-idle');
    const ctx: AppContext = {
      data,
      store,
      selectors,
      map,
      composer: created.composer,
      camera: mapScreen.camera,
      covered: mapScreen.covered,
      select: screen.actions.select,
      notice,
      announce,
      ui: shell.ui,
      deck: mapScreen.deck,
    };
    // The modes are fetched once the map has painted: their code is not needed for the first view.
    void MODES().then(
      (defs) => {
        const host = new ModeHost(ctx, defs, (mode, e) =>
          notice(`${t('modesFailed')} ${mode}: ${e instanceof Error ? e.message : String(e)}`),
        );
        mapScreen.setGestureTaker((g) => host.gesture(g));
        store.subscribe((s, prev, changed) => host.update(s, prev, changed));
        host.update(store.get(), undefined, changedKeys(undefined, store.get()));
        if (TEST_HOOKS) expose('atlas', { map, store, data, ready: true, theme: () => themeOf(store.get()) });
        document.body.dataset.ready = 'true';
        document.body.dataset.mapReady = 'true';
        startOffline();
      },
      (e: unknown) => notice(`${t('modesFailed')} ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  // A render after the listener is in place, so that 'idle' follows even if the map had settled already.
  map.triggerRepaint();
}

/**
 * Offline reload and safe updates (service worker), registered once the first view is complete:
 * its precache downloads the whole app again, which must not compete with the first map.
 */
function startOffline(): void {
  void import('./offline').then((m) => m.startOffline()).catch((e: unknown) => console.error(e));
}

start().catch((e: unknown) => {
  notice(`载入失败 · Failed to load: ${e instanceof Error ? e.message : String(e)}`);
  console.error(e);
});
