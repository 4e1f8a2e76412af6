import type { Mention } from '../core/geoparse/matcher';
import type { PlaceFeatureT } from '../core/places/model';
import { placesToShow } from '../core/state/selectors';
import type { UrlState } from '../core/state/url';
import type { AtlasData } from './data';
import type { Camera } from './map/camera';
import type { MapGesture } from './map/interaction';
import { mentionsOf, setCardCollapsed } from './panels/card';
import type { Chooser } from './panels/chooser';
import type { ReportPanel } from './panels/report-panel';
import type { Store } from './store';

export interface ActionDeps {
  data: AtlasData;
  store: Store;
  camera: () => Camera | undefined;
  report: ReportPanel;
  chooser: () => Chooser | undefined;
  showTab(id: string): void;
  /** Holds story mode off while the map moves to something the user chose. */
  holdStory(ms: number): void;
  announce(message: string): void;
  card: HTMLElement;
  /** Which of the card's mentions is current; changes re-render the card. */
  setCardIndex(i: number): void;
}

/** The phone layout (style.css): panels in a bottom sheet, the card on top of it. */
const isPhone = () => window.matchMedia('(max-width: 720px)').matches;
function setSheet(state: 'peek' | 'half' | 'full'): void {
  const side = document.getElementById('side');
  if (side) side.dataset.sheet = state;
}

/** What the user can do from anywhere (text, map, list, search, a mode): the app's verbs. */
export function createActions(d: ActionDeps) {
  const { data, store } = d;
  const { index } = data;
  const flyTo = (place: PlaceFeatureT) => {
    d.holdStory(1500);
    d.camera()?.show(placesToShow(place, index.places));
  };

  const select = (id: string | undefined, opts: { fly?: boolean; mention?: Mention } = {}) => {
    const place = id ? index.places.get(id) : undefined;
    const list = place ? mentionsOf(data, place.id) : [];
    const at = opts.mention ? list.findIndex((m) => m.paragraphId === opts.mention?.paragraphId && m.start === opts.mention.start) : -1;
    if (at >= 0 || id !== store.get().place) d.setCardIndex(Math.max(0, at));
    const patch: Partial<UrlState> = { place: id };
    if (opts.mention) patch.paragraph = opts.mention.paragraphId;
    // Choosing a place outside the district shows the places outside.
    if (place && !place.properties.inXicheng && !store.get().outside) patch.outside = true;
    store.set(patch, { push: true });
    // On a phone the card sits on the bottom sheet: a place tapped on the map gets the sheet down
    // to its peek (map and card both in view); from a list or the text, the sheet stays, unless full.
    if (place && isPhone()) {
      if (opts.fly === false) setSheet('peek');
      else if (document.getElementById('side')?.dataset.sheet === 'full') setSheet('half');
    }
    if (place && opts.fly !== false) flyTo(place);
    if (place) d.announce(`${place.properties.name} ${place.properties.name_en}`);
  };

  /** Shows a mention in the report; on a phone the card folds to its title so the paragraph is in view. */
  const goToMention = (m: Mention) => {
    const owner = m.via ?? m.placeId;
    const list = mentionsOf(data, owner);
    d.setCardIndex(
      Math.max(
        0,
        list.findIndex((x) => x.paragraphId === m.paragraphId && x.start === m.start),
      ),
    );
    d.holdStory(1500);
    d.showTab('report');
    if (isPhone()) {
      setCardCollapsed(d.card, true);
      setSheet('half');
    }
    d.report.scrollTo(m.paragraphId, { start: m.start });
    store.set({ paragraph: m.paragraphId }, { push: false });
  };

  const showParagraphOnMap = (pid: string) => {
    const ids = new Set((index.mentionsByParagraph.get(pid) ?? []).map((m) => m.placeId));
    const list = [...ids].map((id) => index.places.get(id)).filter((p): p is PlaceFeatureT => !!p?.geometry);
    const outsideNeeded = list.some((p) => !p.properties.inXicheng);
    store.set({ paragraph: pid, ...(outsideNeeded ? { outside: true } : {}) }, { push: true });
    d.holdStory(1500);
    d.camera()?.show(list);
  };

  /** The main screen's meaning of a tap on the map (modes may take a gesture first). */
  const onMapGesture = (g: MapGesture, zoomTo: (at: [number, number], clusterId: number) => void) => {
    const hit = g.hit;
    switch (hit.kind) {
      case 'place':
      case 'subdistrict':
        select(hit.id, { fly: false });
        return;
      case 'choose': {
        const places = hit.ids.map((id) => index.places.get(id)).filter((p): p is PlaceFeatureT => !!p);
        d.chooser()?.show(places, g.point, (id) => select(id, { fly: false }));
        return;
      }
      case 'cluster':
        zoomTo(hit.at, hit.clusterId);
        return;
      default:
        // A tap on empty map (or the district) puts the card away, as on any map app.
        if (store.get().place) select(undefined);
    }
  };

  return { select, goToMention, showParagraphOnMap, onMapGesture };
}
export type Actions = ReturnType<typeof createActions>;
