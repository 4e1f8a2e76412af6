/**
 * The basemap's water: areas, and waterway lines with the covered channels recognised.
 */
import { BASEMAP_BBOX, type WaterCollectionT } from '../../core/geo/basemap';
import { classifyWaterways } from '../../core/geo/channels';
import { clipLine } from '../../core/geo/clip';
import { lineLength } from '../../core/geo/sphere';
import { clipPolygons, lineGeometry, linesOf, type Pos2, polygonsOf, SIMPLIFY_M, tidyLine } from './shape';
import { read, SOURCE_FILES, SourceWater } from './sources';

export interface WaterBuild {
  water: WaterCollectionT;
  /** Each covered line, with how it was recognised (for the report of the build). */
  covered: Array<{ channel: string | null; why: string; lengthM: number }>;
}

export function buildWater(sourcesDir: string): WaterBuild {
  const src = read(sourcesDir, SOURCE_FILES.water, SourceWater);
  const areaRings: Pos2[][] = [];
  const areas: WaterCollectionT['features'] = [];
  const lines: Pos2[][][] = [];
  for (const f of src.features) {
    const g = f.geometry;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const polys = polygonsOf(g);
      for (const pl of polys) areaRings.push(...pl);
      const clipped = clipPolygons(polys, SIMPLIFY_M);
      if (clipped) areas.push({ type: 'Feature', geometry: clipped, properties: { kind: 'area', covered: false } });
    } else {
      const parts = linesOf(g).flatMap((l) => clipLine(l, BASEMAP_BBOX));
      if (parts.length) lines.push(parts);
    }
  }
  const verdicts = classifyWaterways(lines, areaRings);
  const covered: WaterBuild['covered'] = [];
  const lineFeatures: WaterCollectionT['features'] = [];
  lines.forEach((parts, i) => {
    const v = verdicts[i] ?? { covered: false, channel: null, why: null };
    const tidy = parts.flatMap((l) => {
      const t = tidyLine(l);
      return t ? [t] : [];
    });
    if (!tidy.length) return;
    if (v.covered) {
      const lengthM = Math.round(tidy.reduce((sum, l) => sum + lineLength(l), 0));
      covered.push({ channel: v.channel, why: v.why ?? '', lengthM });
    }
    lineFeatures.push({
      type: 'Feature',
      geometry: lineGeometry(tidy),
      properties: { kind: 'line', covered: v.covered, channel: v.channel },
    });
  });
  return { water: { type: 'FeatureCollection', features: [...areas, ...lineFeatures] }, covered };
}
