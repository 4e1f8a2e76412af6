import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { stableJson } from '../core/io/json';

/** Validates before writing: a generated file that its own schema rejects is never written. */
export function writeValidated<S extends z.ZodType>(path: string, schema: S, value: z.infer<S>): string {
  const checked = schema.parse(value);
  const text = stableJson(checked);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return text;
}
