/**
 * What a click, tap, hover or long-press on the map means, decided once for every mode.
 *
 * The map reports what it draws near the pointer (a candidate per drawn feature, with how far
 * the pointer is from its drawn shape in pixels); this picks the topmost thing in a fixed
 * priority. Pure, so the rules are tested without a browser; the map side only measures.
 */

/** What a drawn feature is, in priority order: the first role with a candidate wins. */
export const HIT_ROLES = ['selected', 'point', 'line', 'area', 'subdistrict', 'district'] as const;
export type HitRole = (typeof HIT_ROLES)[number];

export interface HitCandidate {
  role: HitRole;
  /** The place id; for a cluster of points, `cluster:<id>`. */
  id: string;
  /** Pixels from the pointer to the drawn shape (0 when the pointer is on it). */
  gapPx: number;
  /** A cluster of points (a tap zooms in to where it splits). */
  cluster?: { id: number; at: [number, number] } | undefined;
  /** Area in m², for areas: the smaller of two nested areas is offered first. */
  areaM2?: number | undefined;
}

export type Hit =
  | { kind: 'place'; id: string }
  | { kind: 'choose'; ids: string[] }
  | { kind: 'cluster'; clusterId: number; at: [number, number] }
  | { kind: 'subdistrict'; id: string }
  | { kind: 'district'; id: string }
  | { kind: 'none' };

/** Pointer tolerance: a finger covers far more than a mouse pointer. */
export const TOLERANCE_PX = { touch: 20, mouse: 6 } as const;
export type PointerKind = keyof typeof TOLERANCE_PX;

/**
 * Two shapes within this many pixels of each other's distance to the pointer are "at the same
 * spot": neither is nearer in any way a finger can tell, so both are offered.
 */
export const SAME_SPOT_PX = 3;

const rank = (r: HitRole) => HIT_ROLES.indexOf(r);
/** Two areas within 1 % of each other's size, at the same pixel, are the same shape drawn twice. */
const sameSize = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= 0.01 * Math.max(a, b);

/**
 * The meaning of a pointer event from the candidates under it.
 * - Only candidates within the tolerance count; areas, 街道 and the district are measured at the
 *   pointer itself (gap 0 inside), so a 街道 opens only where nothing else is drawn near.
 * - The first role in HIT_ROLES with a candidate wins; within it, the nearest shape and every
 *   shape at the same spot. When the selected place wins, places drawn right under the pointer
 *   are offered with it, so the selection never hides a place sharing its spot.
 * - Several places → a chooser (nearest first, selected first, smaller areas first); a cluster
 *   alone → zoom into it; a place beats a cluster at the same spot.
 */
export function resolveHit(candidates: readonly HitCandidate[], tolerancePx: number): Hit {
  const near = candidates.filter((c) => c.gapPx <= tolerancePx);
  if (near.length === 0) return { kind: 'none' };
  const top = Math.min(...near.map((c) => rank(c.role)));
  const role = HIT_ROLES[top] as HitRole;
  const inRole = near.filter((c) => c.role === role);
  const best = Math.min(...inRole.map((c) => c.gapPx));
  let chosen = inRole.filter((c) => c.gapPx <= best + SAME_SPOT_PX);
  if (role === 'selected')
    chosen = chosen.concat(near.filter((c) => (c.role === 'point' || c.role === 'line') && c.gapPx <= SAME_SPOT_PX && !c.cluster));
  // An area drawn with the very shape of a 街道 (天桥 is its 街道) would hide it everywhere: offer both.
  if (role === 'area')
    chosen = chosen.concat(near.filter((c) => c.role === 'subdistrict' && chosen.some((a) => sameSize(a.areaM2, c.areaM2))));
  if (role === 'subdistrict' || role === 'district') {
    const first = [...chosen].sort((a, b) => a.gapPx - b.gapPx)[0] as HitCandidate;
    return { kind: role, id: first.id };
  }
  const places = chosen.filter((c) => !c.cluster);
  if (places.length === 0) {
    const c = [...chosen].sort((a, b) => a.gapPx - b.gapPx)[0] as HitCandidate;
    const cl = c.cluster as NonNullable<HitCandidate['cluster']>;
    return { kind: 'cluster', clusterId: cl.id, at: cl.at };
  }
  const ordered = [...places].sort(
    (a, b) => rank(a.role) - rank(b.role) || a.gapPx - b.gapPx || (a.areaM2 ?? 0) - (b.areaM2 ?? 0) || a.id.localeCompare(b.id),
  );
  const ids = [...new Set(ordered.map((c) => c.id))];
  return ids.length === 1 ? { kind: 'place', id: ids[0] as string } : { kind: 'choose', ids };
}

/** The place a hover shows: the first a click would offer, or none (a hover never opens a 街道). */
export function hoverTarget(hit: Hit): string | undefined {
  if (hit.kind === 'place') return hit.id;
  if (hit.kind === 'choose') return hit.ids[0];
  return undefined;
}
