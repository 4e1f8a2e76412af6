/**
 * Closing a ring traced along a road network. A route round cited corners can reach a corner that
 * lies off the through street and come back the same way: the ring then runs out and back along
 * one stretch of road, a zero-width spike (… A, B, A …) that draws as a stray line and encloses
 * nothing. @turf/clean-coords keeps such a vertex (it only drops points lying on the segment between
 * their neighbours, and B does not lie on A→A), so spikes are removed here.
 */
type Pos = readonly [number, number] | readonly number[];

const same = (a: Pos, b: Pos) => a[0] === b[0] && a[1] === b[1];

/**
 * The ring without repeated vertices and without out-and-back spikes, closed (first = last).
 * Removing one spike can expose the next vertex of a longer one (A, B, C, B, A), so it repeats until
 * nothing changes; the ring is treated as cyclic, so a spike across the start is found too.
 * Fewer than 3 distinct vertices left means the "ring" enclosed nothing: an error, not a polygon.
 */
export function closedRingWithoutSpikes<P extends Pos>(coords: readonly P[]): P[] {
  let ring = coords.filter((p, i) => i === 0 || !same(p, coords[i - 1] as P));
  if (ring.length > 1 && same(ring[0] as P, ring[ring.length - 1] as P)) ring = ring.slice(0, -1);
  let changed = true;
  while (changed && ring.length >= 3) {
    changed = false;
    for (let i = 0; i < ring.length && ring.length >= 3; i++) {
      const prev = ring[(i - 1 + ring.length) % ring.length] as P;
      const next = ring[(i + 1) % ring.length] as P;
      if (!same(prev, next)) continue;
      // Drop the tip and one copy of the vertex it returns to.
      const drop = new Set([i, (i + 1) % ring.length]);
      ring = ring.filter((_, j) => !drop.has(j));
      changed = true;
      i = -1;
    }
  }
  if (ring.length < 3) throw new Error('the ring encloses nothing: every vertex lies on an out-and-back stretch');
  return [...ring, ring[0] as P];
}
