import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { stableJson } from '../core/io/json';

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

  get paths(): string[] {
    return [...this.files.keys()];
  }

  /** Writes every output at once (temporary files, then renames), or none. */
  commit(): void {
    const staged: Array<{ tmp: string; path: string }> = [];
    try {
      for (const [path, data] of this.files) {
        mkdirSync(dirname(path), { recursive: true });
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
