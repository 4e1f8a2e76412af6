import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputError } from '../../src/core/errors';
import { parseGazetteerFile } from '../../src/core/gazetteer/load';
import { checkPlausible, coordinateProblem, type PlacedRecord } from '../../src/core/gazetteer/plausible';
import { decodeReportBytes } from '../../src/core/report/decode';
import { parseReport } from '../../src/core/report/parse';
import { runChain } from '../../src/pipeline/chain';
import { describeFailure } from '../../src/pipeline/fail';
import { errorOf, REPORT_FIXTURE, ROOT } from './helpers';

/**
 * Failed pipeline runs lose nothing and say why in one line (issue 16, items 4, 6 and 9). The
 * commands run as a user runs them (tsx on the CLI file), on copies of geodata/.
 */
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
  tmp.push(d);
  return d;
};

function run(cli: string, args: string[]) {
  const r = spawnSync(TSX, [resolve(ROOT, 'src/pipeline/cli', cli), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Every file under a directory with its bytes, to prove a failed run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'base64'));
    }
  };
  walk(dir);
  return out;
}

/** A copy of geodata/ (the previous outputs) and of its gazetteer, with `edit` applied to one gazetteer file. */
function brokenCopy(file: string, edit: (text: string) => string) {
  const out = tempDir('geodata');
  cpSync(resolve(ROOT, 'geodata'), out, { recursive: true });
  const gaz = join(out, 'gazetteer');
  writeFileSync(join(gaz, file), edit(readFileSync(join(gaz, file), 'utf8')));
  return { out, gaz, before: snapshot(out) };
}

const oneLine = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('error:') || /^\s+at /.test(l));

describe('a failed run leaves every previous output as it was (16.4)', () => {
  it('a YAML error in the gazetteer: the chain writes nothing, not even the report it read first', () => {
    const { out, gaz, before } = brokenCopy('sites.yaml', (t) => t.replace(/aliases: \[/, 'aliases: [[['));
    const e = errorOf(() =>
      runChain({
        reportPath: REPORT_FIXTURE,
        reportName: 'r.txt',
        sourcesDir: join(out, 'none'),
        gazetteerDir: gaz,
        out,
        fallbackGeodata: resolve(ROOT, 'geodata'),
        quiet: true,
      }),
    );
    expect(e.message).toMatch(/sites\.yaml, line \d+: invalid YAML/);
    expect(snapshot(out)).toEqual(before);
  });

  it('npm run data with a broken record: exit 1, one line naming file, line and field, all of geodata/ untouched', () => {
    const { out, gaz, before } = brokenCopy('outside.yaml', (t) =>
      t.replace('coordinates: [116.296, 39.815]', 'coordinates: [2.3522, 48.8566]'),
    );
    const r = run('data.ts', ['--out', out, '--gazetteer', gaz]);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      expect.stringMatching(
        /^error: geodata\/gazetteer\/outside\.yaml, line \d+, field "geometry": record "gaolizhuang-xiangmu": \[2\.3522, 48\.8566\] lies outside China/,
      ),
    ]);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

describe('file-system errors: one line, the path and the cause (16.9)', () => {
  it('names the action, the path and the cause in words; EROFS is not ENOENT', () => {
    const erofs = Object.assign(new Error("EROFS: read-only file system, open '/mnt/ro/report.json'"), {
      code: 'EROFS',
      syscall: 'open',
      path: '/mnt/ro/report.json',
    });
    expect(describeFailure(erofs)).toBe('cannot open /mnt/ro/report.json: read-only file system (EROFS)');
    const enoent = Object.assign(new Error('x'), { code: 'ENOENT', syscall: 'scandir', path: '/nowhere' });
    expect(describeFailure(enoent)).toBe('cannot list the directory /nowhere: no such file or directory (ENOENT)');
  });

  it('npm run data into a path under a file: one line, no stack trace', () => {
    const r = run('data.ts', ['--out', '/etc/hostname/geodata']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      'error: cannot create the directory /etc/hostname/geodata: a part of the path is not a directory (ENOTDIR)',
    ]);
  }, 120_000);

  // A real read-only file system needs a mount, which only root in a permissive container may do:
  // probed here (mounted and unmounted at once), mounted for the test itself in beforeAll.
  const ro = join(tmpdir(), `atlas-ro-${process.pid}`);
  const mountRo = () => spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro]).status === 0;
  mkdirSync(ro, { recursive: true });
  const mounted = mountRo() && spawnSync('umount', [ro]).status === 0;
  rmSync(ro, { recursive: true, force: true });
  beforeAll(() => {
    mkdirSync(ro, { recursive: true });
    if (mounted && !mountRo()) throw new Error(`could not mount a read-only tmpfs on ${ro}`);
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [ro]);
    rmSync(ro, { recursive: true, force: true });
  });
  it.skipIf(!mounted)(
    'npm run data onto a read-only file system says so, not "not found"',
    () => {
      const r = run('data.ts', ['--out', ro]);
      expect(r.status).toBe(1);
      expect(oneLine(r.stderr)).toEqual([
        expect.stringMatching(new RegExp(`^error: cannot (open|create the directory) ${ro}/\\S*: read-only file system \\(EROFS\\)$`)),
      ]);
    },
    120_000,
  );
});

describe('clear messages (16.9)', () => {
  it('a missing required field says "missing"', () => {
    const rec = `- id: "x"\n  name: "北京坊"\n  category: "commercial"\n  in_xicheng: true\n  precision: "no-site"\n  source: { kind: "estimated", ref: "t" }\n`;
    const e = errorOf(() => parseGazetteerFile(rec, 'g.yaml'));
    expect(e.field).toBe('name_en');
    expect(e.message).toBe('g.yaml, line 1, field "name_en": record "x": missing: this field is required');
  });

  // The report parser for other years' conventions (issue 15) brings the UTF-16 hint and the
  // part-heading blame.
  it('UTF-16 text gets a UTF-16 hint, not a GB18030 one', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...[...'各位代表'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const e = errorOf(() => decodeReportBytes(bytes, 'u16.txt'));
    expect(e.message).toMatch(/UTF-16/);
    expect(e.message).not.toMatch(/GB18030/);
  });

  it('an unrecognised part heading is blamed on its own line', () => {
    const lines = readFileSync(REPORT_FIXTURE, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.trim() === '二、未来五年政府工作的总体把握');
    lines[at] = '第二部分 今后五年的主要任务';
    let err: unknown;
    try {
      parseReport(lines.join('\n'), { file: 'r.txt' });
    } catch (e) {
      err = e;
    }
    // Either it is read as the part it is, or the error points at it.
    if (err) expect((err as InputError).line).toBe(at + 1);
  });
});

describe('coordinates checked against a plausible region (16.6)', () => {
  const rec = (coords: string, extra = '') =>
    `- id: "p"\n  name: "某地"\n  name_en: "P"\n  category: "commercial"\n  in_xicheng: false\n  geometry: { type: Point, coordinates: ${coords} }\n  precision: "approximate"\n  uncertainty_m: 100\n${extra}  source: { kind: "estimated", ref: "t" }\n`;

  it('refuses Paris, [0, 0] and a swapped point, with file, line and field', () => {
    for (const [coords, msg] of [
      ['[2.3522, 48.8566]', /lies outside China/],
      ['[0, 0]', /placeholder/],
      ['[39.8975, 116.3925]', /looks like \[latitude, longitude\].*write \[116\.3925, 39\.8975\]/],
      ['[30.59, 114.30]', /looks like \[latitude, longitude\]/],
    ] as const) {
      const e = errorOf(() => parseGazetteerFile(rec(coords), 'g.yaml'));
      expect(e.message, coords).toMatch(msg);
      expect(e.file).toBe('g.yaml');
      expect(e.line).toBe(6);
      expect(e.field?.startsWith('geometry')).toBe(true);
    }
    expect(coordinateProblem([116.39, 39.91])).toBeUndefined();
    expect(parseGazetteerFile(rec('[114.188611, 38.848333]'), 'g.yaml')).toHaveLength(1);
  });

  it('a record named after a district, or related to it, must lie in it (within its uncertainty)', () => {
    const square = (x: number, y: number): PlacedRecord['geometry'] => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + 0.1, y],
          [x + 0.1, y + 0.1],
          [x, y + 0.1],
          [x, y],
        ],
      ],
    });
    const placed = (id: string, over: object, geometry: PlacedRecord['geometry']): PlacedRecord => ({
      located: { file: 'g.yaml', line: 3, record: { id, name: id, aliases: [], category: 'housing', geometry, ...over } as never },
      geometry,
    });
    const fengtai = placed('fengtai-qu', { name: '丰台区', aliases: ['丰台'], category: 'region' }, square(116.2, 39.8));
    const inside = placed('a', { name: '丰台高立庄', uncertainty_m: 100 }, { type: 'Point', coordinates: [116.25, 39.85] });
    expect(() => checkPlausible([fengtai, inside])).not.toThrow();
    const haidian = placed('a', { name: '丰台高立庄', uncertainty_m: 100 }, { type: 'Point', coordinates: [116.25, 39.96] });
    expect(errorOf(() => checkPlausible([fengtai, haidian])).message).toMatch(
      /named after 丰台, but its point .* lies \d+ m outside "fengtai-qu"/,
    );
    const related = placed('b', { name: '某项目', related: ['fengtai-qu'] }, { type: 'Point', coordinates: [116.25, 39.96] });
    expect(errorOf(() => checkPlausible([fengtai, related])).field).toBe('geometry');
    // Within its uncertainty of the edge: accepted.
    const near = placed('c', { name: '丰台某地', uncertainty_m: 2000 }, { type: 'Point', coordinates: [116.25, 39.91] });
    expect(() => checkPlausible([fengtai, near])).not.toThrow();
  });
});

describe('npm run data still reproduces the committed geodata', () => {
  it('runs on the real inputs (sources/ in the repository) without a plausibility error', () => {
    const out = tempDir('data');
    const r = run('data.ts', ['--out', out]);
    expect(r.stderr).not.toMatch(/error:/);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'places.geojson'), 'utf8')).toBe(readFileSync(resolve(ROOT, 'geodata/places.geojson'), 'utf8'));
  }, 120_000);
});
