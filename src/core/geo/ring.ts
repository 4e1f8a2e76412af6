/**
 * Closing a ring traced along a road network. A route round cited corners can reach a corner that
 * lies off the through street and come back the same way: the ring then runs out and back along
 * one stretch of road, a zero-width spike (… A, B, A …) that draws as a stray line and encloses
 * nothing. @turf/clean-coords keeps such a vertex (it only drops points lying on the segment between
 * their neighbours, and B does not lie on A→A), so spikes are removed here.
 */

/** Two positions at the same place (longitude and latitude equal; any further ordinate ignored). */
export const samePosition = (a: readonly number[], b: readonly number[]): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * The ring without repeated vertices and without out-and-back spikes, closed (first = last).
 * Removing one spike can expose the next vertex of a longer one (A, B, C, B, A), so the scan starts
 * again after each removal; the ring is read cyclically, so a spike across the start is found too.
 * Fewer than 3 distinct vertices left means the "ring" enclosed nothing: an error, not a polygon.
 */
export function closedRingWithoutSpikes<P extends readonly number[]>(coords: readonly P[]): P[] {
  let ring = coords.filter((p, i) => i === 0 || !samePosition(p, coords[i - 1] as P));
  if (ring.length > 1 && samePosition(ring[0] as P, ring[ring.length - 1] as P)) ring = ring.slice(0, -1);
  for (let i = 0; i < ring.length && ring.length >= 3; i++) {
    const n = ring.length;
    if (!samePosition(ring[(i - 1 + n) % n] as P, ring[(i + 1) % n] as P)) continue;
    // Drop the tip and one copy of the vertex it returns to, then scan again from the start.
    const drop = new Set([i, (i + 1) % n]);
    ring = ring.filter((_, j) => !drop.has(j));
    i = -1;
  }
  if (ring.length < 3) throw new Error('the ring encloses nothing: every vertex lies on an out-and-back stretch');
  return [...ring, ring[0] as P];
}
