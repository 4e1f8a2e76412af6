import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASEMAP_BBOX,
  BASEMAP_FILES,
  BASEMAP_GZIP_BUDGET,
  type BasemapFile,
  eachPosition,
  type WaterCollectionT,
} from '../../src/core/geo/basemap';
import { COVERED_CORRIDORS } from '../../src/core/geo/channels';
import { clipLine, clipRing, mergeLines, type Pos } from '../../src/core/geo/clip';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { type BasemapBuild, buildDefaultBasemap } from '../../src/pipeline/basemap/default';
import { SOURCES } from '../../src/pipeline/paths';
import { ROOT } from './helpers';

// The committed geodata/basemap is checked, and rebuilt from the repository's sources/geo.
const COMMITTED = resolve(ROOT, 'geodata/basemap');
const files = Object.keys(BASEMAP_FILES) as BasemapFile[];
const read = (dir: string, f: BasemapFile) => readFileSync(join(dir, f), 'utf8');
const water = () =>
  parseJsonWithSchema(read(COMMITTED, 'water.geojson'), 'water.geojson', BASEMAP_FILES['water.geojson']) as WaterCollectionT;

describe('default basemap rebuilt from sources/geo', () => {
  let dirs: string[] = [];
  let builds: BasemapBuild[] = [];
  beforeAll(() => {
    dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'basemap-')));
    builds = dirs.map((d) => buildDefaultBasemap(SOURCES, d));
  }, 60_000);
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes every file, byte-identical on a second build and identical to the committed geodata/basemap', () => {
    expect(builds[0]?.files.map((f) => basename(f))).toEqual(files);
    for (const f of files) {
      const a = read(dirs[0] as string, f);
      expect(read(dirs[1] as string, f), f).toBe(a);
      expect(read(COMMITTED, f), `geodata/basemap/${f} is stale: run npm run data`).toBe(a);
    }
  });

  it('reports its sizes and stays within the gzip budget', () => {
    const b = builds[0] as BasemapBuild;
    expect(b.gzipBytes).toBe(b.sizes.reduce((s, x) => s + x.gzipBytes, 0));
    expect(b.gzipBytes).toBeLessThanOrEqual(BASEMAP_GZIP_BUDGET);
    expect(b.bytes).toBeGreaterThan(b.gzipBytes);
  });
});

describe('committed default basemap (geodata/basemap)', () => {
  it('validates every file with its schema', () => {
    for (const f of files) expect(() => parseJsonWithSchema(read(COMMITTED, f), f, BASEMAP_FILES[f])).not.toThrow();
  });

  it('puts nothing outside the bounding box', () => {
    const [w, s, e, n] = BASEMAP_BBOX;
    for (const f of files) {
      const fc = JSON.parse(read(COMMITTED, f)) as { features: Array<{ geometry: { type: string; coordinates: unknown } }> };
      let count = 0;
      for (const feat of fc.features)
        eachPosition(feat.geometry, ([lon, lat]) => {
          count++;
          expect(lon >= w && lon <= e && lat >= s && lat <= n, `${f}: ${lon},${lat}`).toBe(true);
        });
      expect(count, f).toBeGreaterThan(0);
    }
  });

  it('stays within the gzip budget', () => {
    const total = files.reduce((n, f) => n + gzipSync(readFileSync(join(COMMITTED, f)), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(BASEMAP_GZIP_BUDGET);
  });

  it('flags the four culverted channels SOURCES.md names, and no open moat', () => {
    const lines = water().features.filter((f) => f.properties.kind === 'line');
    const named = new Set(
      lines.flatMap((f) => (f.properties.kind === 'line' && f.properties.channel ? f.properties.channel.split(' / ') : [])),
    );
    expect([...named].sort()).toEqual(COVERED_CORRIDORS.map((c) => c.zh).sort());
    const coveredAt = (lon: number, lat: number) => {
      const near = lines.filter((f) => {
        let hit = false;
        eachPosition(f.geometry, ([x, y]) => {
          if (Math.abs(x - lon) < 0.0008 && Math.abs(y - lat) < 0.0008) hit = true;
        });
        return hit;
      });
      expect(near.length, `a waterway line near ${lon},${lat}`).toBeGreaterThan(0);
      return near.every((f) => f.properties.covered);
    };
    expect(coveredAt(116.3623, 39.9361)).toBe(true); // 大明濠 under 赵登禹路
    expect(coveredAt(116.4008, 39.9109)).toBe(true); // 御河 under 正义路
    expect(coveredAt(116.3779, 39.8984)).toBe(true); // 前三门护城河 at 宣武门
    expect(coveredAt(116.3496, 39.9242)).toBe(true); // 西护城河 west of 阜成门
    // The 外城 moats are open water (each runs inside a riverbank polygon).
    expect(coveredAt(116.3434, 39.883)).toBe(false); // west moat at 广安门
    expect(coveredAt(116.393, 39.8708)).toBe(false); // south moat at 永定门
  });
});

describe('geometry helpers', () => {
  const box = [0, 0, 10, 10] as const;
  it('clips a line that leaves and re-enters the box into two parts', () => {
    const parts = clipLine(
      [
        [-5, 5],
        [5, 5],
        [5, 15],
        [8, 15],
        [8, 5],
      ],
      box,
    );
    expect(parts).toEqual([
      [
        [0, 5],
        [5, 5],
        [5, 10],
      ],
      [
        [8, 10],
        [8, 5],
      ],
    ]);
  });
  it('clips a ring to the box and closes it', () => {
    const ring: Pos[] = [
      [-5, -5],
      [5, -5],
      [5, 5],
      [-5, 5],
      [-5, -5],
    ];
    const out = clipRing(ring, box);
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out.every(([x, y]) => x >= 0 && x <= 5 && y >= 0 && y <= 5)).toBe(true);
    expect(
      clipRing(
        ring.map(([x, y]) => [x + 100, y] as Pos),
        box,
      ),
    ).toEqual([]);
  });
  it('merges lines only through nodes where exactly two ends meet', () => {
    const merged = mergeLines([
      [
        [0, 0],
        [1, 0],
      ],
      [
        [2, 0],
        [1, 0],
      ],
      [
        [2, 0],
        [3, 0],
      ],
      [
        [2, 0],
        [2, 1],
      ],
    ]);
    // Node (2,0) has three ends, so the chain stops there.
    expect(merged).toEqual([
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
      [
        [2, 0],
        [3, 0],
      ],
      [
        [2, 0],
        [2, 1],
      ],
    ]);
  });
});
