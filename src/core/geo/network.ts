/**
 * The road network as a routable graph: link geometries joined at their from/to nodes. Used to
 * draw a street or a greenway between cited end points along the real links, instead of a straight
 * line between them. Pure: no files, no DOM.
 */
import createGraph, { type Graph } from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import type { Pos } from './clip';
import { pointSegmentDistance } from './planar';
import { metresPerDegree, segmentLength } from './sphere';

export type RoadClass = 1 | 2 | 3;

export interface RoadLink {
  from: string;
  to: string;
  cls: RoadClass;
  coords: Pos[];
}

interface LinkData {
  coords: Pos[];
  cls: RoadClass;
  length: number;
}

export interface Network {
  graph: Graph<Pos, LinkData>;
  /** Node id → position, for snapping. */
  nodes: Map<string, Pos>;
  /** Node id → lowest (most major) class of the links meeting there. */
  nodeClass: Map<string, RoadClass>;
}

/** Cost per metre by class when a route prefers major streets: a named street follows its own
 * carriageway rather than a parallel hutong that happens to be shorter. */
const MAJOR_COST: Record<RoadClass, number> = { 1: 1, 2: 1, 3: 4 };
const ANY_COST: Record<RoadClass, number> = { 1: 1, 2: 1, 3: 1 };

export function buildNetwork(links: RoadLink[]): Network {
  const graph = createGraph<Pos, LinkData>({ multigraph: true });
  const nodes = new Map<string, Pos>();
  const nodeClass = new Map<string, RoadClass>();
  for (const l of links) {
    if (l.coords.length < 2 || l.from === l.to) continue;
    const a = l.coords[0] as Pos;
    const b = l.coords[l.coords.length - 1] as Pos;
    if (!nodes.has(l.from)) graph.addNode(l.from, a);
    if (!nodes.has(l.to)) graph.addNode(l.to, b);
    nodes.set(l.from, a);
    nodes.set(l.to, b);
    for (const n of [l.from, l.to]) nodeClass.set(n, Math.min(nodeClass.get(n) ?? 3, l.cls) as RoadClass);
    let length = 0;
    for (let i = 1; i < l.coords.length; i++) length += segmentLength(l.coords[i - 1] as Pos, l.coords[i] as Pos);
    graph.addLink(l.from, l.to, { coords: l.coords, cls: l.cls, length });
  }
  return { graph, nodes, nodeClass };
}

/** The node nearest to p among nodes on links of class ≤ maxClass, with its distance in metres. */
export function nearestNode(net: Network, p: Pos, maxClass: RoadClass = 3): { id: string; distanceM: number } | null {
  let best: { id: string; distanceM: number } | null = null;
  for (const [id, q] of net.nodes) {
    if ((net.nodeClass.get(id) ?? 3) > maxClass) continue;
    const d = segmentLength(p, q);
    if (!best || d < best.distanceM || (d === best.distanceM && id < best.id)) best = { id, distanceM: d };
  }
  return best;
}

export interface RouteOptions {
  /** Snap waypoints only to nodes on links of at most this class (default 2: streets, not hutongs). */
  snapClass?: RoadClass | undefined;
  /** Prefer class 1–2 links (default) or take the shortest way whatever the class. */
  prefer?: 'major' | 'any' | undefined;
  /** A leg longer than this many times the straight distance between its waypoints is an error:
   * a detour means a waypoint snapped to the wrong street or the network has a gap (default 1.6). */
  maxDetour?: number | undefined;
  /** A waypoint farther than this from its snapped node is an error (default 250 m: class-2 nodes sit only at junctions). */
  maxSnapM?: number | undefined;
}

export interface Route {
  coords: Pos[];
  lengthM: number;
  /** Distance from each waypoint to the node it was snapped to (m): part of the route's uncertainty. */
  snapM: number[];
}

/** Links between two adjacent nodes, cheapest first. */
function linkBetween(net: Network, a: string, b: string, cost: Record<RoadClass, number>): { coords: Pos[]; forward: boolean } | null {
  let best: { coords: Pos[]; forward: boolean; w: number } | null = null;
  net.graph.forEachLinkedNode(
    a,
    (n, link) => {
      if (n.id !== b) return;
      const w = link.data.length * cost[link.data.cls];
      if (!best || w < best.w) best = { coords: link.data.coords, forward: link.fromId === a, w };
    },
    false,
  );
  return best;
}

/**
 * The cheapest path along the network through the waypoints in order. Each waypoint snaps to the
 * nearest node of the allowed classes; the result is the links' own geometry, joined.
 * Throws with a plain message when a waypoint is off the network or two are not connected.
 */
export function route(net: Network, waypoints: Pos[], opts: RouteOptions = {}): Route {
  const cost = (opts.prefer ?? 'major') === 'major' ? MAJOR_COST : ANY_COST;
  const maxSnap = opts.maxSnapM ?? 250;
  const snapped = waypoints.map((p, i) => {
    const n = nearestNode(net, p, opts.snapClass ?? 2);
    if (!n || n.distanceM > maxSnap)
      throw new Error(
        `waypoint ${i + 1} (${p.join(', ')}) is ${n ? Math.round(n.distanceM) : '∞'} m from the network (limit ${maxSnap} m)`,
      );
    return n;
  });
  const k = metresPerDegree(40);
  const finder = aStar<Pos, LinkData>(net.graph, {
    distance: (_a, _b, link) => link.data.length * cost[link.data.cls],
    heuristic: (a, b) => Math.hypot((a.data[0] - b.data[0]) * k.x, (a.data[1] - b.data[1]) * k.y),
  });
  const coords: Pos[] = [];
  for (let i = 1; i < snapped.length; i++) {
    const from = (snapped[i - 1] as { id: string }).id;
    const to = (snapped[i] as { id: string }).id;
    if (from === to) continue;
    // ngraph.path returns the path from the target back to the source.
    const path = finder
      .find(from, to)
      .map((n) => String(n.id))
      .reverse();
    if (path.length < 2) throw new Error(`no road connects waypoint ${i} to waypoint ${i + 1}`);
    const legStart = coords.length;
    for (let j = 1; j < path.length; j++) {
      const link = linkBetween(net, path[j - 1] as string, path[j] as string, cost);
      if (!link) throw new Error(`internal: no link between consecutive nodes ${path[j - 1]} and ${path[j]}`);
      const part = link.forward ? link.coords : [...link.coords].reverse();
      coords.push(...(coords.length ? part.slice(1) : part));
    }
    const leg = coords.slice(Math.max(0, legStart - 1));
    let legM = 0;
    for (let j = 1; j < leg.length; j++) legM += segmentLength(leg[j - 1] as Pos, leg[j] as Pos);
    const straight = segmentLength(net.nodes.get(from) as Pos, net.nodes.get(to) as Pos);
    const detour = opts.maxDetour ?? 1.6;
    if (straight > 0 && legM / straight > detour)
      throw new Error(
        `the route from waypoint ${i} to ${i + 1} is ${Math.round(legM)} m for ${Math.round(straight)} m as the crow flies (over ${detour}×): a waypoint is off its street or the network has a gap`,
      );
  }
  if (coords.length < 2) throw new Error('the waypoints snap to a single node: the route has no length');
  let lengthM = 0;
  for (let i = 1; i < coords.length; i++) lengthM += segmentLength(coords[i - 1] as Pos, coords[i] as Pos);
  return { coords, lengthM, snapM: snapped.map((s) => s.distanceM) };
}

/** Distance in metres from p to the nearest point of a polyline. */
export function distanceToLine(p: Pos, line: Pos[]): number {
  const k = metresPerDegree(p[1]);
  const m = (q: Pos): Pos => [q[0] * k.x, q[1] * k.y];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) best = Math.min(best, pointSegmentDistance(m(p), m(line[i - 1] as Pos), m(line[i] as Pos)));
  return best;
}

/**
 * Links from plain polylines that carry no node ids (waterway centre lines): every vertex is a
 * node keyed by its position, so lines that share a vertex are connected.
 */
export function linksFromLines(lines: Pos[][], cls: RoadClass = 3): RoadLink[] {
  const key = (p: Pos) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;
  const out: RoadLink[] = [];
  for (const l of lines)
    for (let i = 1; i < l.length; i++) {
      const a = l[i - 1] as Pos;
      const b = l[i] as Pos;
      if (key(a) !== key(b)) out.push({ from: key(a), to: key(b), cls, coords: [a, b] });
    }
  return out;
}
