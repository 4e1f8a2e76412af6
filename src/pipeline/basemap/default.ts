/**
 * The default basemap: the shared sources reduced to what the map draws around 西城区, written
 * as small, validated, deterministic GeoJSON files (geodata/basemap/).
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { BASEMAP_FILES, BASEMAP_GZIP_BUDGET, type BasemapFile } from '../../core/geo/basemap';
import type { StreetNameCollectionT } from '../../core/geo/ground';
import { buildGround } from '../ground';
import { GEODATA } from '../paths';
import { Outputs } from '../write';
import { buildDistricts } from './districts';
import { buildCoverage, buildRoads } from './roads';
import { lineGeometry, linesOf, tidyLine } from './shape';
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

/** Street lines at the basemap's precision, simplified like the roads they run on. */
function roundStreets(c: StreetNameCollectionT): StreetNameCollectionT {
  return {
    ...c,
    features: c.features.map((f) => ({
      ...f,
      geometry: lineGeometry(
        linesOf(f.geometry).flatMap((l) => {
          const t = tidyLine(l);
          return t ? [t] : [];
        }),
      ) as StreetNameCollectionT['features'][number]['geometry'],
    })),
  };
}

/** Builds the default basemap; written at once at the end, or held in `staged` for the caller to commit. */
export function buildDefaultBasemap(
  sourcesDir: string,
  outDir: string,
  staged?: Outputs,
  groundDir = resolve(GEODATA, 'ground'),
): BasemapBuild {
  const out = staged ?? new Outputs();
  const { water, covered } = buildWater(sourcesDir);
  const ground = buildGround(sourcesDir, groundDir);
  const outputs: { [F in BasemapFile]: unknown } = {
    'roads.geojson': buildRoads(sourcesDir),
    'water.geojson': water,
    'districts.geojson': buildDistricts(sourcesDir),
    'stations.geojson': buildStations(sourcesDir),
    'subway-lines.geojson': buildSubwayLines(sourcesDir),
    'rail-stations.geojson': buildRailStations(sourcesDir),
    'coverage.geojson': buildCoverage(),
    'ground.geojson': ground.ground,
    'street-names.geojson': roundStreets(ground.streets),
  };
  const sizes: BasemapBuild['sizes'] = [];
  for (const file of Object.keys(BASEMAP_FILES) as BasemapFile[]) {
    const text = out.add(resolve(outDir, file), BASEMAP_FILES[file] as z.ZodType, outputs[file]);
    const raw = Buffer.from(text);
    sizes.push({ file, bytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length });
  }
  const bytes = sizes.reduce((s, x) => s + x.bytes, 0);
  const gzipBytes = sizes.reduce((s, x) => s + x.gzipBytes, 0);
  if (gzipBytes > BASEMAP_GZIP_BUDGET)
    throw new Error(
      `basemap is ${gzipBytes} bytes gzipped, over its budget of ${BASEMAP_GZIP_BUDGET}: simplify further or switch to tiles`,
    );
  if (!staged) out.commit();
  return { files: sizes.map((s) => resolve(outDir, s.file)), bytes, gzipBytes, sizes, covered };
}
