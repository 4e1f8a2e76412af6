import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a CLI given bad input (runCli, src/pipeline/fail.ts)', () => {
  it('says what is wrong in one line naming the file and line, exits 1, prints no stack and writes nothing', () => {
    const report = join(dir, 'not-a-report.txt');
    writeFileSync(report, 'a shopping list\n');
    const out = join(dir, 'out');
    const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'src/pipeline/cli/geoparse.ts'), report, '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: not-a-report\.txt, line 1: /);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
