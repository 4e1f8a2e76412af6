import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

  /** Writes every output at once (temporary files, then renames), or none. */
  commit(): void {
    const staged: Array<{ tmp: string; path: string }> = [];
    try {
      for (const [path, data] of this.files) {
        makeDir(dirname(path));
        const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
        staged.push({ tmp, path });
        writeFileSync(tmp, data);
      }
    } catch (e) {
      for (const s of staged) rmSync(s.tmp, { force: true });
      throw e;
    }
    for (const s of staged) renameSync(s.tmp, s.path);
    this.files.clear();
  }
}

/** Validates before writing: a generated file that its own schema rejects is never written. */
export function writeValidated<S extends z.ZodType>(path: string, schema: S, value: z.infer<S>): string {
  const out = new Outputs();
  const text = out.add(path, schema, value);
  out.commit();
  return text;
}
