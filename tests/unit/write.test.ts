import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Outputs } from '../../src/pipeline/write';

/**
 * The pipeline's outputs are written all together or not at all: never straight onto a target
 * (a reader, or a failure half-way, would see a new file beside old ones or a cut one).
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'atlas-write-'));
  dirs.push(d);
  return d;
};
const Doc = z.object({ n: z.number() });

describe('Outputs: all or nothing', () => {
  it('writes every file, validated and stable, and leaves no temporary file', () => {
    const d = temp();
    const out = new Outputs();
    const text = out.add(join(d, 'sub', 'a.json'), Doc, { n: 1 });
    out.addRaw(join(d, 'b.bin'), new Uint8Array([1, 2, 3]));
    expect(out.staged(join(d, 'sub', 'a.json'))).toBe(text);
    expect(out.staged(join(d, 'b.bin'))).toBe('\u0001\u0002\u0003');
    expect(out.staged(join(d, 'none'))).toBeUndefined();
    expect(out.paths).toEqual([join(d, 'sub', 'a.json'), join(d, 'b.bin')]);
    expect(existsSync(join(d, 'sub', 'a.json'))).toBe(false); // nothing before commit
    out.commit();
    expect(JSON.parse(readFileSync(join(d, 'sub', 'a.json'), 'utf8'))).toEqual({ n: 1 });
    expect([...readFileSync(join(d, 'b.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(d).sort()).toEqual(['b.bin', 'sub']);
    expect(readdirSync(join(d, 'sub'))).toEqual(['a.json']);
    expect(out.paths).toEqual([]);
  });

  it('a value its schema refuses is never staged', () => {
    const out = new Outputs();
    expect(() => out.add('/nowhere/x.json', Doc, { n: 'one' } as never)).toThrow();
    expect(out.paths).toEqual([]);
  });

  it('a failure on a later file leaves every earlier target as it was, and removes the temporary files', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), 'old a');
    writeFileSync(join(d, 'blocker'), 'a file where a directory should be');
    const out = new Outputs();
    out.add(join(d, 'a.json'), Doc, { n: 2 });
    out.add(join(d, 'blocker', 'b.json'), Doc, { n: 3 });
    expect(() => out.commit()).toThrow(/ENOTDIR|EEXIST/);
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('old a');
    expect(readdirSync(d).sort()).toEqual(['a.json', 'blocker']);
  });

  it('a target that cannot be replaced (a directory) leaves the others unwritten too', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), 'old a');
    mkdirSync(join(d, 'dir.json'));
    writeFileSync(join(d, 'dir.json', 'keep'), 'x');
    const out = new Outputs();
    out.add(join(d, 'a.json'), Doc, { n: 2 });
    out.add(join(d, 'dir.json'), Doc, { n: 3 });
    expect(() => out.commit()).toThrow();
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('old a');
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
