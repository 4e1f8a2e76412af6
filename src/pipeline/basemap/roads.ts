/**
 * The basemap's roads, by class, and the parts of the box the road source does not cover.
 */
import {
  BASEMAP_BBOX,
  type CoverageCollectionT,
  ROAD_DATA_EAST_LIMIT,
  ROAD_DATA_SOUTH_LIMIT,
  type RoadCollectionT,
} from '../../core/geo/basemap';
import { clipLine, mergeLines } from '../../core/geo/clip';
import { lineGeometry, linesOf, type Pos2, tidyLine } from './shape';
import { read, SOURCE_FILES, SourceRoads } from './sources';

export function buildRoads(sourcesDir: string): RoadCollectionT {
  const src = read(sourcesDir, SOURCE_FILES.roads, SourceRoads);
  const byClass = new Map<1 | 2 | 3, Pos2[][]>([
    [1, []],
    [2, []],
    [3, []],
  ]);
  const ordered = src.features
    .map((f, i) => ({ f, id: Number((f.properties as { link_id?: unknown }).link_id ?? i) }))
    .sort((a, b) => a.id - b.id);
  for (const { f } of ordered)
    for (const l of linesOf(f.geometry)) for (const part of clipLine(l, BASEMAP_BBOX)) byClass.get(f.properties.road_class)?.push(part);
  // Merge before simplifying, so a road is simplified as one line rather than link by link.
  const features = [...byClass].map(([cls, parts]) => ({
    type: 'Feature' as const,
    properties: { class: cls },
    geometry: lineGeometry(
      mergeLines(parts).flatMap((l) => {
        const t = tidyLine(l);
        return t ? [t] : [];
      }),
    ),
  }));
  return { type: 'FeatureCollection', features };
}

/** Where the road source has no data inside the box, so the map can say so rather than look empty. */
export function buildCoverage(): CoverageCollectionT {
  const [w, s, e, n] = BASEMAP_BBOX;
  const south = ROAD_DATA_SOUTH_LIMIT;
  const east = ROAD_DATA_EAST_LIMIT;
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, south],
              [w, south],
              [w, s],
            ],
          ],
        },
        properties: {
          kind: 'no-road-data',
          side: 'south',
          note_zh: `道路数据未覆盖 ${south}°N 以南`,
          note_en: `no road data south of ${south}°N`,
        },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [east, south],
              [e, south],
              [e, n],
              [east, n],
              [east, south],
            ],
          ],
        },
        properties: {
          kind: 'no-road-data',
          side: 'east',
          note_zh: `道路数据未覆盖 ${east}°E 以东`,
          note_en: `no road data east of ${east}°E`,
        },
      },
    ],
  };
}
