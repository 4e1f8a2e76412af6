// MapLibre's Popup from the chunk that has MapLibre already: ./district is loaded later and must not split it off.
import { type Map as MlMap, Popup } from 'maplibre-gl';
import type { Changed } from '../core/state/changes';
import type { FacetKey } from '../core/state/filters';
import { EMPTY_FILTERS } from '../core/state/filters';
import type { Selectors } from '../core/state/selectors';
import type { UrlState } from '../core/state/url';
import { type Actions, createActions } from './actions';
import type { AtlasData } from './data';
import { lang, setLang } from './i18n';
import type { Camera } from './map/camera';
import { renderCard } from './panels/card';
import type { Chooser } from './panels/chooser';
import { FilterPanel } from './panels/filters';
import { PlaceList } from './panels/place-list';
import { ReportPanel } from './panels/report-panel';
import { mountSearch } from './panels/search';
import { $, type mountShell } from './shell';
import type { Store } from './store';

/** The main screen's views, each redrawn from the state by what changed. */
export interface MainScreen {
  actions: Actions;
  report: ReportPanel;
  update(s: UrlState, changed: Changed): void;
  /** Late parts: the map, its camera and the chooser exist only once the map does. */
  attachMap(map: MlMap, camera: Camera, chooser: Chooser): void;
  holdStory: (ms: number) => void;
  setStoryHold(fn: (ms: number) => void): void;
  /** What modes add to every place card (an opened report's mentions of it), and a redraw when that changes. */
  card: CardSections;
}

export interface CardSections {
  add(section: (placeId: string) => Node | null): void;
  redraw(): void;
}

export function createMainScreen(
  data: AtlasData,
  store: Store,
  selectors: Selectors,
  shell: ReturnType<typeof mountShell>,
  announce: (m: string) => void,
  notice: (m: string) => void,
): MainScreen {
  const { report, index } = data;
  let camera: Camera | undefined;
  let map: MlMap | undefined;
  let chooser: Chooser | undefined;
  let storyHold: (ms: number) => void = () => undefined;
  let cardIndex = 0;
  let cardDirty = true;
  const cardSections: Array<(placeId: string) => Node | null> = [];
  const card = $('card');
  const reportPanel = new ReportPanel($('report-text'), report, index, {
    onMentionClick: (placeId, m) => actions.select(placeId, m ? { mention: m } : {}),
    onHover: (id) => store.hover(id),
    onShowParagraph: (pid) => actions.showParagraphOnMap(pid),
  });
  const actions = createActions({
    data,
    store,
    camera: () => camera,
    chooser: () => chooser,
    report: reportPanel,
    showTab: shell.ui.showTab,
    holdStory: (ms) => storyHold(ms),
    announce,
    card,
    setCardIndex: (i) => {
      if (i === cardIndex) return;
      cardIndex = i;
      cardDirty = true;
      // A step between two mentions of one paragraph changes no state: the card follows anyway.
      queueMicrotask(() => cardDirty && drawCard(store.get()));
    },
  });
  const subdistrictPinyin = new Map(
    data.subdistricts.features.map((f) => [f.properties.name, f.properties.name_en.replace(/ Subdistrict$/, '')]),
  );
  const filters = new FilterPanel($('filters'), {
    onToggle: (facet: FacetKey, value, on) => {
      const next = new Set(store.get().filters[facet] as ReadonlySet<string>);
      if (on) next.add(value);
      else next.delete(value);
      store.set({ filters: { ...store.get().filters, [facet]: next } }, { push: true });
    },
    onReset: () => store.set({ filters: EMPTY_FILTERS }, { push: true }),
    onFit: () => camera?.show(selectors.visible(store.get()).filter((f) => f.properties.inXicheng || store.get().outside)),
    pinyinOf: (sd) => subdistrictPinyin.get(sd) ?? sd,
  });
  const list = new PlaceList($('list'), (id) => actions.select(id));
  const search = mountSearch(
    $('search'),
    () => selectors.inScope({ outside: true }),
    (id) => actions.select(id),
    {
      // The district-wide gazetteer (every 社区, station, line): loaded on the first search.
      load: () => import('./district').then((m) => m.loadDistrictEntries()),
      onChoose: (e) => {
        // Not a place of the report: no card; the map shows where it is and says what it is.
        actions.select(undefined);
        void import('./district').then((m) => {
          announce(m.districtSummary(e));
          if (map) void m.showDistrictEntry(map, e, Popup);
          else notice(m.districtSummary(e));
        });
      },
    },
  );

  const update = (s: UrlState, changed: Changed) => {
    if (changed.has('lang') && s.lang !== lang()) setLang(s.lang);
    if (changed.has('lang')) search.refresh();
    shell.update(s, changed);
    const visible = selectors.visible(s);
    reportPanel.update(s, changed, selectors.visibleIds(s));
    filters.update(s, changed, () => ({
      values: selectors.facetValues(),
      counts: selectors.facetCounts(s),
      filters: s.filters,
      shown: visible.length,
    }));
    list.update(s, changed, visible);
    if (cardDirty || changed.has('place') || changed.has('lang')) drawCard(s);
  };
  function drawCard(s: UrlState): void {
    cardDirty = false;
    const place = s.place ? index.places.get(s.place) : undefined;
    if (!place) {
      card.hidden = true;
      delete card.dataset.placeId;
      return;
    }
    renderCard(card, data, place, cardIndex, {
      onClose: () => actions.select(undefined),
      onGoToMention: actions.goToMention,
      onSelect: (id) => actions.select(id),
    });
    const body = card.querySelector('.card-body');
    for (const section of cardSections) {
      const node = section(place.id);
      if (node) body?.append(node);
    }
  }
  return {
    actions,
    report: reportPanel,
    update,
    attachMap(m, c, ch) {
      map = m;
      camera = c;
      chooser = ch;
    },
    holdStory: (ms) => storyHold(ms),
    setStoryHold(fn) {
      storyHold = fn;
    },
    card: {
      add(section) {
        cardSections.push(section);
        drawCard(store.get());
      },
      redraw: () => drawCard(store.get()),
    },
  };
}
