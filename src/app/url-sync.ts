import type { Map as MlMap } from 'maplibre-gl';
import { decodeFragment } from '../core/state/link';
import { type Dropped, type KnownIds, parseUrlState, serializeUrlState, type UrlState } from '../core/state/url';
import type { Store } from './store';

export interface UrlSyncOptions {
  known: KnownIds;
  onDropped(d: Dropped[]): void;
  /** Shows the paragraph a `#p…` fragment names; false when there is none. */
  showParagraph(id: string): boolean;
  /** Restores a view from the URL (the back button). */
  jumpTo(view: NonNullable<UrlState['view']>): void;
  /** A state restored by the back button that names a paragraph. */
  scrollTo(id: string): void;
}

/**
 * The address bar mirrors the state: each committed change is written (pushed when the back
 * button should undo it), the back button restores the state, a `#p…` fragment shows its
 * paragraph, and the map's view is written as the map settles.
 */
export function syncUrl(store: Store, map: MlMap | undefined, o: UrlSyncOptions): void {
  store.onCommit = (s, push) => {
    const q = serializeUrlState(s);
    const url = `${location.pathname}${q ? `?${q}` : ''}`;
    if (url === `${location.pathname}${location.search}` && !location.hash) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  const followHash = (): void => {
    // A malformed escape (#%, #%E0%A4%A) is kept as typed and said so: it never throws.
    const { value: id, malformed } = decodeFragment(location.hash);
    if (!id) return;
    if (malformed || !o.showParagraph(id))
      o.onDropped([{ param: '#', value: id, reason: malformed ? 'malformed escape' : 'no such paragraph' }]);
    else store.set({ paragraph: id }, { push: false });
  };
  window.addEventListener('popstate', () => {
    const next = parseUrlState(location.search, o.known);
    if (next.dropped.length) o.onDropped(next.dropped);
    // A fragment link fires popstate before hashchange, and what follows may rewrite the URL (and
    // drop the fragment) before hashchange is handled: the fragment is read here first.
    const hash = location.hash.length > 1;
    if (hash) followHash();
    store.replace(hash ? { ...next.state, paragraph: store.get().paragraph } : next.state);
    if (next.state.view) o.jumpTo(next.state.view);
    if (!hash && next.state.paragraph) o.scrollTo(next.state.paragraph);
  });
  window.addEventListener('hashchange', followHash);
  if (!map) return;
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
}
