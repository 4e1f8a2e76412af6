import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { stableJson } from '../core/io/json';

/**
 * Creates a directory and its missing parents one level at a time: a recursive mkdir reports a
 * read-only file system as "no such file or directory", which would send the reader looking for
 * a missing path; each plain mkdir reports its own cause (EROFS, EACCES, ENOTDIR).
 */
function makeDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDir(parent);
  mkdirSync(dir);
}

/** An error shaped as Node's own, so that describeFailure (fail.ts) words it like any other. */
function fsError(code: string, syscall: string, path: string, what: string): Error {
  return Object.assign(new Error(`${code}: ${what}, ${syscall} '${path}'`), { code, syscall, path });
}

/**
 * The outputs of one pipeline command, held in memory until everything is computed and valid,
 * then written all together: each file to a temporary name beside its target, and only when
 * every one of them is on disk, renamed over the targets (rename is atomic on one file system).
 * A failure anywhere before that (a YAML error, a schema error, a full disk, a read-only
 * directory) leaves every previous output as it was: never a new report beside old places.
 */
export class Outputs {
  private readonly files = new Map<string, string | Uint8Array>();

  /** Validates and serialises a value for `path`; nothing is written yet. Returns the text. */
  add<S extends z.ZodType>(path: string, schema: S, value: z.infer<S>): string {
    const text = stableJson(schema.parse(value));
    this.files.set(path, text);
    return text;
  }

  /** Raw bytes (or text) for `path`, already checked by the caller. */
  addRaw(path: string, data: string | Uint8Array): void {
    this.files.set(path, data);
  }

  /** The text staged for `path` by this run, if any (a later step reading an earlier one's output). */
  staged(path: string): string | undefined {
    const d = this.files.get(path);
    return typeof d === 'string' ? d : d ? new TextDecoder().decode(d) : undefined;
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Writes every output at once, or none: each file to a temporary name beside its target; then
   * each existing target is moved aside and the new file renamed over it. If any step fails (a
   * target that is a directory, a full disk), the targets already replaced get their previous
   * files back and the temporary files are removed, so a failed run leaves no new file beside old ones.
   */
  commit(): void {
    const staged: Array<{ tmp: string; path: string; old: string }> = [];
    const done: Array<{ path: string; old: string | undefined }> = [];
    try {
      for (const [path, data] of this.files) {
        makeDir(dirname(path));
        const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
        staged.push({ tmp, path, old: `${tmp}.old` });
        writeFileSync(tmp, data);
      }
      for (const s of staged) {
        const had = existsSync(s.path);
        // A directory where a file goes is refused as rename(2) refuses it, not moved aside.
        if (had && statSync(s.path).isDirectory()) throw fsError('EISDIR', 'rename', s.path, 'illegal operation on a directory');
        if (had) renameSync(s.path, s.old);
        done.push({ path: s.path, old: had ? s.old : undefined });
        renameSync(s.tmp, s.path);
      }
    } catch (e) {
      for (const d of done.reverse()) {
        rmSync(d.path, { force: true });
        if (d.old && existsSync(d.old)) renameSync(d.old, d.path);
      }
      for (const s of staged) rmSync(s.tmp, { force: true });
      throw e;
    }
    for (const d of done) if (d.old) rmSync(d.old, { force: true });
    this.files.clear();
  }
}
