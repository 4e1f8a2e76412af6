import { type NearHit, type NearIndex, nearPlaces } from '../near/index';
import { memoLast } from './selectors';

/** What the near-me list shows: the places within the radius that pass the filters, and how many the filters hide. */
export interface NearResults {
  hits: NearHit[];
  hidden: number;
}

/**
 * The near-me selector: a pure function of the index, the centre, the radius and the ids the
 * filters leave, memoised on them (a pan or a hover recomputes nothing).
 */
export function createNearSelector(index: NearIndex) {
  const within = memoLast((lng: number, lat: number, radius: number) => nearPlaces(index, { lng, lat }, radius));
  return memoLast((lng: number, lat: number, radius: number, visible: ReadonlySet<string>): NearResults => {
    const all = within(lng, lat, radius);
    const hits = all.filter((h) => visible.has(h.id));
    return { hits, hidden: all.length - hits.length };
  });
}
