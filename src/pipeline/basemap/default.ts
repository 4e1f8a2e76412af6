/**
 * The default basemap: the shared sources reduced to what the map draws around 西城区, written
 * as small, validated, deterministic GeoJSON files (geodata/basemap/).
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { BASEMAP_FILES, BASEMAP_GZIP_BUDGET, type BasemapFile } from '../../core/geo/basemap';
import { writeValidated } from '../write';
import { buildDistricts } from './districts';
import { buildCoverage, buildRoads } from './roads';
import { buildRailStations, buildStations, buildSubwayLines } from './transit';
import { buildWater, type WaterBuild } from './water';

export interface BasemapBuild {
  files: string[];
  /** Raw bytes of all files written. */
  bytes: number;
  gzipBytes: number;
  sizes: Array<{ file: string; bytes: number; gzipBytes: number }>;
  covered: WaterBuild['covered'];
}

export function buildDefaultBasemap(sourcesDir: string, outDir: string): BasemapBuild {
  const { water, covered } = buildWater(sourcesDir);
  const outputs: { [F in BasemapFile]: unknown } = {
    'roads.geojson': buildRoads(sourcesDir),
    'water.geojson': water,
    'districts.geojson': buildDistricts(sourcesDir),
    'stations.geojson': buildStations(sourcesDir),
    'subway-lines.geojson': buildSubwayLines(sourcesDir),
    'rail-stations.geojson': buildRailStations(sourcesDir),
    'coverage.geojson': buildCoverage(),
  };
  const sizes: BasemapBuild['sizes'] = [];
  for (const file of Object.keys(BASEMAP_FILES) as BasemapFile[]) {
    const text = writeValidated(resolve(outDir, file), BASEMAP_FILES[file] as z.ZodType, outputs[file]);
    const raw = Buffer.from(text);
    sizes.push({ file, bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length });
  }
  const bytes = sizes.reduce((s, x) => s + x.bytes, 0);
  const gzipBytes = sizes.reduce((s, x) => s + x.gzipBytes, 0);
  if (gzipBytes > BASEMAP_GZIP_BUDGET)
    throw new Error(
      `basemap is ${gzipBytes} bytes gzipped, over its budget of ${BASEMAP_GZIP_BUDGET}: simplify further or switch to tiles`,
    );
  return { files: sizes.map((s) => resolve(outDir, s.file)), bytes, gzipBytes, sizes, covered };
}
