import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

/** `npm run geoparse -- <file> --out <dir>` as a planner runs it (the CLI itself, in a child process). */
function geoparse(file: string, out: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/pipeline/cli/geoparse.ts'), file, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('error: '));

describe('npm run geoparse on reports in other conventions', () => {
  // Two of the texts, to keep child processes few on a shared machine: the same chain runs on every
  // text in geoparse-conventions.test.ts.
  it.each(['news-article-about-report.txt', 'saved-report-page.html'])(
    '%s: succeeds and writes every output',
    (name) => {
      const out = join(tmp, name);
      const r = geoparse(resolve(ROOT, 'tests/fixtures/report', name), out);
      expect(r.stderr).not.toMatch(/^error:/m);
      expect(r.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual([
        'district-mentions.json',
        'district.geojson',
        'mentions.json',
        'places.geojson',
        'projects.json',
        'quality.json',
        'report.json',
        'subdistricts.geojson',
      ]);
      expect(r.stdout).toMatch(/candidate names for a curator/);
    },
    30_000,
  );
});

describe('bad input: one clear line, exit 1, nothing written', () => {
  const big = join(tmp, 'big.txt');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41));
  const noPlaces = join(tmp, 'no-places.txt');
  writeFileSync(noPlaces, '各位代表:\n\n今年的工作很好,大家辛苦了。\n');
  const dir = join(tmp, 'a-directory');
  mkdirSync(dir);
  const gbk = join(tmp, 'gbk.txt');
  writeFileSync(gbk, Buffer.from([0xce, 0xf7, 0xb3, 0xc7, 0xc7, 0xf8, 0xa3, 0xac, 0x0a]));

  it.each([
    [join(tmp, 'missing.txt'), /missing\.txt: no such file$/],
    [dir, /a-directory: is a directory, not a report file$/],
    [big, /big\.txt: the file is 20,971,521 bytes \(20\.00 MiB\); a report is at most 20\.00 MiB of text$/],
    [gbk, /gbk\.txt, line 1: the file is not valid UTF-8; it reads as GB18030\/GBK: convert it with `iconv -f GB18030 -t UTF-8`$/],
    [noPlaces, /no-places\.txt: no place names found in 2 paragraphs: nothing to map/],
  ])(
    '%s',
    (file, message) => {
      const out = join(tmp, `out-${file.split('/').pop()}`);
      const r = geoparse(file, out);
      expect(r.code).toBe(1);
      expect(errorLines(r.stderr)).toEqual([expect.stringMatching(message)]);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(tmp).filter((f) => f.includes('-geoparse-'))).toEqual([]); // no scratch left behind
    },
    30_000,
  );
});
