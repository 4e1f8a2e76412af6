import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubdistrictCollection } from '../../src/core/geo/boundaries';
import { parseJsonWithSchema } from '../../src/core/io/json';
import { buildOsmBasemap, checkOsmTools, ExtractCoverageError } from '../../src/pipeline/basemap/osm';
import { ROOT } from './helpers';

/**
 * `npm run basemap` refuses an extract that does not cover Xicheng and keeps the previous basemap
 * (issue 16, item 3).
 */
const SHICHAHAI = resolve(ROOT, 'tests/fixtures/osm/shichahai.osm');
const PARIS = resolve(ROOT, 'tests/fixtures/osm/paris.osm');
const subdistricts = parseJsonWithSchema(readFileSync(resolve(ROOT, 'geodata/subdistricts.geojson'), 'utf8'), 'sd', SubdistrictCollection);

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'osm-cover-'));
  dirs.push(d);
  return d;
};
const files = (d: string) => Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));

/** A hand-made extract with one short residential street at each 街道's label point: covers all of Xicheng. */
function coveringExtract(): string {
  const nodes: string[] = [];
  const ways: string[] = [];
  subdistricts.features.forEach((f, i) => {
    const [x, y] = f.properties.label as [number, number];
    nodes.push(
      `<node id="${2 * i + 1}" version="1" lat="${y}" lon="${x}"/>`,
      `<node id="${2 * i + 2}" version="1" lat="${y + 0.001}" lon="${x}"/>`,
    );
    ways.push(`<way id="${i + 1}" version="1"><nd ref="${2 * i + 1}"/><nd ref="${2 * i + 2}"/><tag k="highway" v="residential"/></way>`);
  });
  const file = join(temp(), 'xicheng.osm');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n${[...nodes, ...ways].join('\n')}\n</osm>\n`);
  return file;
}

let previous = '';
beforeAll(async () => {
  checkOsmTools();
  // A good basemap already in place: the one a refused extract must not replace.
  previous = temp();
  await buildOsmBasemap(SHICHAHAI, previous, { allowPartial: true });
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function refusal(extract: string, allowPartial: boolean): Promise<ExtractCoverageError> {
  try {
    await buildOsmBasemap(extract, previous, { allowPartial });
  } catch (e) {
    if (e instanceof ExtractCoverageError) return e;
    throw e;
  }
  throw new Error('the extract was accepted');
}

describe('an extract that does not cover Xicheng is refused, the previous basemap kept', () => {
  it('an extract of somewhere else (Paris): refused even with --allow-partial, its bounds named', async () => {
    const before = files(previous);
    const e = await refusal(PARIS, true);
    expect(e.message).toMatch(
      /^paris\.osm does not cover Xicheng: its data spans lon 2\.34–2\.36, lat 48\.85–48\.86; Xicheng spans lon 116\.3\d*–116\.39\d*, lat 39\.86\d*–39\.97\d*; not one of its 15 街道 has a street in it/,
    );
    expect(files(previous)).toEqual(before);
  });

  it('an extract of part of the district: refused by default, naming the 街道 it leaves empty', async () => {
    const before = files(previous);
    const e = await refusal(SHICHAHAI, false);
    expect(e.message).toMatch(/its data spans lon 116\.27–116\.66, lat 39\.89–39\.949/);
    expect(e.message).toMatch(/\d+ of its 15 街道 \(.*陶然亭街道.*\) have no street in it/);
    expect(e.message).toMatch(/--allow-partial/);
    expect(files(previous)).toEqual(before);
  });

  it('an extract with streets in every 街道 is accepted without --allow-partial', async () => {
    const out = temp();
    const { manifest } = await buildOsmBasemap(coveringExtract(), out);
    expect(manifest.present).toBe(true);
    expect(manifest.files.find((f) => f.file === 'roads.geojson')?.features).toBeGreaterThan(0);
  });

  it('npm run basemap on it: exit 1, the message on stderr, the previous manifest and layers unchanged', () => {
    const before = files(previous);
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'src/pipeline/cli/basemap.ts'), PARIS, '--out', previous], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:') || /^\s+at /.test(l));
    expect(errors).toEqual([expect.stringMatching(/^error: paris\.osm does not cover Xicheng: its data spans lon 2\.34–2\.36/)]);
    expect(files(previous)).toEqual(before);
  }, 60_000);
});
