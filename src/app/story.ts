import type { Mention } from '../core/geoparse/matcher';
import type { PlaceFeatureT } from '../core/places/model';
import type { Store } from './store';

/**
 * Story mode: the map follows the paragraph being read. A paragraph reaching the top third of
 * the report panel shows its places; a jump the user asked for (a card, a mention) holds it off
 * for a moment, so the map does not fly away from what was just chosen.
 */
export function followReading(
  reportEl: HTMLElement,
  store: Store,
  /** The mentions of a paragraph of the report shown, and the atlas's places. */
  mentionsIn: (paragraphId: string) => readonly Mention[],
  places: ReadonlyMap<string, PlaceFeatureT>,
  show: (places: PlaceFeatureT[]) => void,
): { hold(ms: number): void; observe(): void } {
  let holdUntil = 0;
  let timer = 0;
  const observer = new IntersectionObserver(
    (entries) => {
      if (!store.get().story || performance.now() < holdUntil) return;
      const top = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
      if (!top) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const pid = top.target.id;
        const ids = new Set(mentionsIn(pid).map((m) => m.placeId));
        const list = [...ids]
          .map((id) => places.get(id))
          .filter((p): p is PlaceFeatureT => !!p?.geometry && (store.get().outside || p.properties.inXicheng));
        if (list.length === 0) return;
        for (const a of reportEl.querySelectorAll('.para.is-reading')) a.classList.remove('is-reading');
        top.target.classList.add('is-reading');
        show(list);
      }, 250);
    },
    { root: reportEl, rootMargin: '0px 0px -65% 0px', threshold: 0 },
  );
  const observe = () => {
    observer.disconnect();
    for (const a of reportEl.querySelectorAll('article.para')) observer.observe(a);
  };
  observe();
  return {
    /** Watches the paragraphs again (the report was drawn anew: another language, another report). */
    observe,
    hold(ms) {
      holdUntil = performance.now() + ms;
    },
  };
}
