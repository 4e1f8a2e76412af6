/**
 * Geometry derived from data and cited descriptions, never drawn by hand: a street routed along the
 * road network between cited end points, an area as the road-network faces a cited point falls in,
 * an area bounded by named streets, a greenway along a waterway, a park strip beside a moat bank.
 * Each derivation states its method, its inputs and an uncertainty in metres. Pure.
 */
import { featureCollection } from '@turf/helpers';
import union from '@turf/union';
import type { Pos } from './clip';
import { corridor } from './corridor';
import type { DerivationT, WaypointT } from './derivation';
import { facesAt } from './faces';
import { type Network, type RoadClass, route } from './network';
import { closedRingWithoutSpikes } from './ring';
import { metresPerDegree, segmentLength } from './sphere';

export interface DeriveContext {
  roads: Network;
  /** Road link geometries, for faces. */
  roadLines: Pos[][];
  /** The class of each of roadLines (1 ring roads … 3 local streets). */
  roadLineClass: RoadClass[];
  /** Open waterway centre lines as a network. */
  waterways: Network;
  /** Water area outer rings. */
  waterRings: Pos[][];
  /** Open waterway centre lines (rivers, moats, channels; not the covered ones). */
  waterLines: Pos[][];
  station(name: string): Pos | undefined;
  /** Geometry of an already derived ground feature. */
  feature(id: string): GeoJSON.Geometry | undefined;
  /** The shared OSM polygon of a 街道, by name. */
  subdistrict(name: string): GeoJSON.Polygon | GeoJSON.MultiPolygon | undefined;
  /** The district outline (the dissolved 街道 polygons), to cut derived areas at the edge. */
  district: GeoJSON.Polygon | GeoJSON.MultiPolygon | undefined;
}

export interface Derived {
  geometry: GeoJSON.Geometry;
  /** The inputs in words, for the record's provenance ("faces of … containing …"). */
  inputs: string[];
  /** Figures worth keeping: lengths, areas. */
  measures: Record<string, number>;
}

export function resolveWaypoint(w: WaypointT, ctx: DeriveContext): Pos {
  if (typeof w !== 'string') return w;
  const name = w.slice('station:'.length);
  const p = ctx.station(name);
  if (!p) throw new Error(`no subway station named "${name}" in the shared stops file`);
  return p;
}

const describe = (w: WaypointT) => (typeof w === 'string' ? w : `[${w.join(', ')}]`);

/** Crossings of the horizontal line at `lat` with the rings, as longitudes. */
function crossingsAt(rings: Pos[][], lat: number): number[] {
  const xs: number[] = [];
  for (const r of rings)
    for (let i = 1; i < r.length; i++) {
      const a = r[i - 1] as Pos;
      const b = r[i] as Pos;
      if ((a[1] <= lat && b[1] > lat) || (b[1] <= lat && a[1] > lat)) xs.push(a[0] + ((lat - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
  return xs;
}

/**
 * A strip of land beside a water body's bank: the bank is traced every 20 m along the water area
 * nearest the start, and the strip reaches width_m away from the water. Assumes a bank running
 * roughly north–south, which is checked: a bank that wanders more than the strip's width fails.
 */
export function bankStrip(
  rings: Pos[][],
  from: Pos,
  opts: { direction: 'north' | 'south'; side: 'west' | 'east'; length_m: number; width_m: number },
): Pos[] {
  const k = metresPerDegree(from[1]);
  const step = 20;
  const n = Math.max(2, Math.round(opts.length_m / step));
  const bank: Pos[] = [];
  for (let i = 0; i <= n; i++) {
    const lat = from[1] + ((opts.direction === 'north' ? 1 : -1) * (i * opts.length_m)) / n / k.y;
    const xs = crossingsAt(rings, lat).filter((x) => Math.abs(x - from[0]) * k.x < opts.width_m);
    if (!xs.length) throw new Error(`no water bank within ${opts.width_m} m of the start at latitude ${lat.toFixed(5)}`);
    // The bank on the strip's side of the water is the crossing farthest towards that side.
    bank.push([opts.side === 'west' ? Math.min(...xs) : Math.max(...xs), lat]);
  }
  const dx = ((opts.side === 'west' ? -1 : 1) * opts.width_m) / k.x;
  const outer = bank.map(([x, y]) => [x + dx, y] as Pos).reverse();
  const ring = [...bank, ...outer];
  ring.push(ring[0] as Pos);
  return ring;
}

/** A ring of `n` vertices round `centre` enclosing `areaHa` hectares (planar, metres per degree at the centre). */
export function diskRing(centre: Pos, areaHa: number, n = 48): { ring: Pos[]; radiusM: number } {
  const radiusM = Math.sqrt((areaHa * 1e4) / Math.PI);
  const k = metresPerDegree(centre[1]);
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([centre[0] + (radiusM * Math.cos(a)) / k.x, centre[1] + (radiusM * Math.sin(a)) / k.y]);
  }
  ring.push(ring[0] as Pos);
  return { ring, radiusM };
}

type FacesSpec = Extract<DerivationT, { method: 'road-faces' }>;

/** The lines whose faces a road-faces derivation takes: roads of the allowed classes, waterways, named streets. */
function faceLines(spec: FacesSpec, ctx: DeriveContext): Pos[][] {
  const max = spec.max_class ?? 3;
  const lines = max === 3 ? ctx.roadLines.slice() : ctx.roadLines.filter((_, i) => (ctx.roadLineClass[i] ?? 3) <= max);
  if (spec.bounds === 'waterways') lines.push(...ctx.waterLines);
  for (const id of spec.with_streets ?? []) {
    const g = ctx.feature(id);
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString'))
      throw new Error(`with_streets names "${id}", which is not a derived street line`);
    lines.push(...((g.type === 'LineString' ? [g.coordinates] : g.coordinates) as Pos[][]));
  }
  if (spec.with_streets && (spec.bounds ?? 'roads') === 'roads')
    throw new Error('a named street crosses the links without their nodes: give bounds "crossings" or "waterways"');
  return lines;
}

function faceBounds(spec: FacesSpec): string {
  const parts = [spec.max_class && spec.max_class < 3 ? `the class ≤ ${spec.max_class} road links` : 'the road network'];
  if (spec.bounds === 'waterways') parts.push('the open waterways');
  if (spec.with_streets) parts.push(`the derived streets ${spec.with_streets.join(', ')}`);
  return `${parts.join(', ')}${(spec.bounds ?? 'roads') === 'roads' ? '' : ', cut where they cross'}`;
}

/** Derives one geometry. Errors are plain sentences; the caller adds file and line. */
export function derive(spec: DerivationT, ctx: DeriveContext): Derived {
  switch (spec.method) {
    case 'road-faces': {
      const seeds = spec.seeds.map((w) => resolveWaypoint(w, ctx));
      const r = facesAt(faceLines(spec, ctx), seeds, { maxHa: spec.max_ha, node: (spec.bounds ?? 'roads') !== 'roads' });
      return {
        geometry: r.geometry,
        inputs: [`faces of ${faceBounds(spec)} containing ${spec.seeds.map(describe).join(', ')}`],
        measures: { area_ha: r.areaHa },
      };
    }
    case 'route': {
      const r = route(
        ctx.roads,
        spec.via.map((w) => resolveWaypoint(w, ctx)),
        {
          prefer: spec.prefer,
          snapClass: spec.snap_class as RoadClass | undefined,
        },
      );
      return {
        geometry: { type: 'LineString', coordinates: r.coords },
        inputs: [`road network route through ${spec.via.map(describe).join(' → ')}`],
        measures: { length_m: Math.round(r.lengthM), max_snap_m: Math.round(Math.max(...r.snapM)) },
      };
    }
    case 'ring': {
      const corners = spec.corners.map((w) => resolveWaypoint(w, ctx));
      const r = route(ctx.roads, [...corners, corners[0] as Pos], {
        prefer: spec.prefer,
        snapClass: spec.snap_class as RoadClass | undefined,
      });
      const ring = closedRingWithoutSpikes(r.coords);
      return {
        geometry: { type: 'Polygon', coordinates: [ring] },
        inputs: [`area bounded by the road network route round ${spec.corners.map(describe).join(' → ')}`],
        measures: { perimeter_m: Math.round(r.lengthM) },
      };
    }
    case 'water-route': {
      const r = route(
        ctx.waterways,
        spec.via.map((w) => resolveWaypoint(w, ctx)),
        { prefer: 'any', snapClass: 3, maxSnapM: 400 },
      );
      return {
        geometry: { type: 'LineString', coordinates: r.coords },
        inputs: [`waterway centre lines through ${spec.via.map(describe).join(' → ')}`],
        measures: { length_m: Math.round(r.lengthM), max_snap_m: Math.round(Math.max(...r.snapM)) },
      };
    }
    case 'bank-strip': {
      const from = resolveWaypoint(spec.from, ctx);
      const ring = bankStrip(ctx.waterRings, from, spec);
      return {
        geometry: { type: 'Polygon', coordinates: [ring] },
        inputs: [`${spec.width_m} m strip on the ${spec.side} bank, ${spec.length_m} m ${spec.direction} from ${describe(spec.from)}`],
        measures: { length_m: spec.length_m, width_m: spec.width_m },
      };
    }
    case 'disk': {
      const { ring, radiusM } = diskRing(resolveWaypoint(spec.centre, ctx), spec.area_ha);
      return {
        geometry: { type: 'Polygon', coordinates: [ring] },
        inputs: [`circle of the cited area ${spec.area_ha} ha round ${describe(spec.centre)}`],
        measures: { area_ha: spec.area_ha, radius_m: Math.round(radiusM) },
      };
    }
    case 'corridor': {
      const axes = spec.axes.map((a) => a.map((w) => resolveWaypoint(w, ctx)));
      const r = corridor(axes, spec.area_ha, ctx.district);
      return {
        geometry: r.geometry,
        inputs: [
          `band of the cited area ${spec.area_ha} ha round ${spec.axes.map((a) => a.map(describe).join(' → ')).join(' and ')}${ctx.district ? ', cut at the district edge' : ''}`,
        ],
        measures: { area_ha: r.areaHa, half_width_m: r.halfWidthM },
      };
    }
    case 'subdistrict': {
      const g = ctx.subdistrict(spec.name);
      if (!g) throw new Error(`no 街道 named "${spec.name}" in the shared subdistrict polygons`);
      return { geometry: g, inputs: [`the OSM boundary of ${spec.name}`], measures: {} };
    }
    case 'union':
      return unionOf(spec, ctx);
  }
}

/** The union of already derived features: areas as an area (or its outline), lines as lines. */
function unionOf(spec: Extract<DerivationT, { method: 'union' }>, ctx: DeriveContext): Derived {
  const parts = spec.of.map((id) => {
    const g = ctx.feature(id);
    if (!g) throw new Error(`union names "${id}", which is not a derived ground feature`);
    return g;
  });
  const areas = parts.filter((g): g is GeoJSON.Polygon | GeoJSON.MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
  if (areas.length === parts.length) {
    const u: GeoJSON.Polygon | GeoJSON.MultiPolygon = areas.length === 1 ? (areas[0] as GeoJSON.Polygon) : unionArea(areas);
    if (spec.as === 'outline') {
      const rings = (u.type === 'Polygon' ? [u.coordinates] : u.coordinates).map((pl) => pl[0] as Pos[]);
      let length = 0;
      for (const r of rings) for (let i = 1; i < r.length; i++) length += segmentLength(r[i - 1] as Pos, r[i] as Pos);
      return {
        geometry: { type: 'MultiLineString', coordinates: rings },
        inputs: [`outline of ${spec.of.join(', ')}`],
        measures: { length_m: Math.round(length) },
      };
    }
    return { geometry: u, inputs: [`union of ${spec.of.join(', ')}`], measures: {} };
  }
  const lines = parts.flatMap((g) =>
    g.type === 'LineString' ? [g.coordinates as Pos[]] : g.type === 'MultiLineString' ? (g.coordinates as Pos[][]) : [],
  );
  if (lines.length === 0 || areas.length) throw new Error('a union joins areas with areas or lines with lines');
  return { geometry: { type: 'MultiLineString', coordinates: lines }, inputs: [`union of ${spec.of.join(', ')}`], measures: {} };
}

function unionArea(areas: Array<GeoJSON.Polygon | GeoJSON.MultiPolygon>): GeoJSON.Polygon | GeoJSON.MultiPolygon {
  const u = union(featureCollection(areas.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g }))));
  if (!u) throw new Error('the union of the areas is empty');
  return u.geometry;
}
