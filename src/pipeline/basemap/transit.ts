/**
 * The basemap's subway lines and stations and the railway stations, named and coloured from the
 * OSM route relations.
 */
import { BASEMAP_BBOX, type RailStationCollectionT, type StationCollectionT, type SubwayLineCollectionT } from '../../core/geo/basemap';
import { clipLine, mergeLines, roundPath } from '../../core/geo/clip';
import { segmentLength } from '../../core/geo/sphere';
import { DIGITS, inBox, type Pos2, roundTo } from './shape';
import { read, SOURCE_FILES, SourceLines, SourceRail, SourceStops } from './sources';

/** Stop positions of one station on opposite platforms or tracks lie within this distance (m). */
const SAME_STOP_M = 250;
/** The source gives no colour for some lines; they are drawn in a neutral grey rather than a guessed one. */
export const UNKNOWN_LINE_COLOUR = '#8a8a8a';

/** Line refs sort as numbers first (2 before 10), then the rest by code point: stable on any machine. */
function compareRefs(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : Number.POSITIVE_INFINITY;
  const nb = /^\d+$/.test(b) ? Number(b) : Number.POSITIVE_INFINITY;
  if (na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "地铁 1号线/八通线: 古城 → 环球度假区" → "1号线"; "北京地铁3号线 东四十条 → …" → "3号线". */
export function lineDisplayName(routeName: string, ref: string): string {
  const stripped = routeName.replace(/^(北京)?(地铁|轻轨|磁悬浮)\s*/, '');
  return stripped.match(/[^\s:：/→>-]+线/)?.[0] ?? ref;
}

function lineIndex(sourcesDir: string) {
  const src = read(sourcesDir, SOURCE_FILES.lines, SourceLines);
  const routes = [...src.features].sort((a, b) =>
    a.properties.osm_id < b.properties.osm_id ? -1 : a.properties.osm_id > b.properties.osm_id ? 1 : 0,
  );
  const colour = new Map<string, string>();
  const name = new Map<string, string>();
  for (const r of routes) {
    const { ref } = r.properties;
    const c = r.properties.colour?.toLowerCase();
    if (c && /^#[0-9a-f]{6}$/.test(c) && !colour.has(ref)) colour.set(ref, c);
    if (!name.has(ref)) name.set(ref, lineDisplayName(r.properties.name, ref));
  }
  return { routes, colour: (ref: string) => colour.get(ref) ?? UNKNOWN_LINE_COLOUR, name: (ref: string) => name.get(ref) ?? ref };
}

export function buildStations(sourcesDir: string): StationCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.stops, SourceStops);
  const lines = lineIndex(sourcesDir);
  const groups = new Map<string, Array<{ p: number[]; lines: string[] }>>();
  for (const f of src.features) {
    if (f.properties.kind !== 'station' || !inBox(f.geometry.coordinates)) continue;
    const list = groups.get(f.properties.name) ?? [];
    list.push({ p: f.geometry.coordinates, lines: f.properties.lines ?? [] });
    groups.set(f.properties.name, list);
  }
  const features: StationCollectionT['features'] = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, members]) => {
      const refs = [...new Set(members.flatMap((m) => m.lines))].sort(compareRefs);
      // Interchanges have one stop area per line a few dozen metres apart; the label goes between them.
      const lon = members.reduce((s, m) => s + (m.p[0] ?? 0), 0) / members.length;
      const lat = members.reduce((s, m) => s + (m.p[1] ?? 0), 0) / members.length;
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [roundTo(lon), roundTo(lat)] },
        properties: { name, lines: refs, colours: refs.map(lines.colour) },
      };
    });
  return { type: 'FeatureCollection', features };
}

export function buildSubwayLines(sourcesDir: string): SubwayLineCollectionT {
  const lines = lineIndex(sourcesDir);
  const segments = new Map<string, { hops: Array<[Pos2, Pos2]>; parts: Pos2[][] }>();
  const near = (p: Pos2, q: Pos2) => segmentLength(p, q) <= SAME_STOP_M;
  for (const r of lines.routes) {
    const { ref } = r.properties;
    const entry = segments.get(ref) ?? { hops: [], parts: [] };
    segments.set(ref, entry);
    const coords = r.geometry.coordinates.map((p) => [roundTo(p[0] as number), roundTo(p[1] as number)] as Pos2);
    // Each line is mapped once per direction, through stop positions on opposite platforms: keep
    // each station-to-station hop once, whichever direction drew it first.
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1] as Pos2;
      const b = coords[i] as Pos2;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      if (entry.hops.some(([c, d]) => (near(a, c) && near(b, d)) || (near(a, d) && near(b, c)))) continue;
      entry.hops.push([a, b]);
      for (const part of clipLine([a, b], BASEMAP_BBOX)) entry.parts.push(roundPath(part, DIGITS));
    }
  }
  const features: SubwayLineCollectionT['features'] = [...segments]
    .filter(([, e]) => e.parts.some((p) => p.length >= 2))
    .sort(([a], [b]) => compareRefs(a, b))
    .map(([ref, e]) => ({
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: mergeLines(e.parts.filter((p) => p.length >= 2)) },
      properties: { ref, name: lines.name(ref), colour: lines.colour(ref) },
    }));
  return { type: 'FeatureCollection', features };
}

export function buildRailStations(sourcesDir: string): RailStationCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.rail, SourceRail);
  const features: RailStationCollectionT['features'] = src.features
    .filter((f) => inBox(f.geometry.coordinates) && (f.properties.railway === 'station' || f.properties.railway === 'halt'))
    .sort((a, b) => (a.properties.osm_id < b.properties.osm_id ? -1 : 1))
    .map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundTo(f.geometry.coordinates[0]), roundTo(f.geometry.coordinates[1])] },
      properties: { name: f.properties.name, name_en: f.properties.name_en, railway: f.properties.railway as 'station' | 'halt' },
    }));
  return { type: 'FeatureCollection', features };
}
