import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { InputError } from '../errors';
import { missingField } from './issues';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/**
 * Parses JSON text and validates it against a schema. Both kinds of failure name the file, the
 * line and the field, so a person can open the file at the right place.
 */
export function parseJsonWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  // JSON.parse and the schema first; the located parse (a syntax tree of the whole file, several
  // times slower) only once something is wrong and has to be pointed at.
  let value: unknown;
  let parsed = false;
  try {
    value = JSON.parse(text);
    parsed = true;
  } catch {
    // Located below.
  }
  const result = parsed ? schema.safeParse(value, { error: missingField }) : undefined;
  if (result?.success) return result.data;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first || !tree || !result) {
    const offset = first?.offset ?? 0;
    throw new InputError(`invalid JSON (${first ? printParseErrorCode(first.error) : text.trim() ? 'not parsable' : 'empty file'})`, {
      file,
      line: lineAt(text, offset),
    });
  }
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []) as Array<string | number>;
  // Point at the deepest node that exists (a missing field points at its parent object).
  let node: ReturnType<typeof findNodeAtLocation>;
  for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(tree, path.slice(0, n));
  throw new InputError(issue?.message ?? 'does not match the schema', {
    file,
    line: lineAt(text, node?.offset ?? 0),
    field: formatPath(path) || '(root)',
  });
}

/**
 * Deterministic JSON text with a final newline. A FeatureCollection is written one feature per
 * line (compact, and a review diff shows which features changed); other values get a
 * two-space indent.
 */
export function stableJson(value: unknown): string {
  const v = value as { type?: unknown; features?: unknown[] };
  if (v && v.type === 'FeatureCollection' && Array.isArray(v.features)) {
    const rest = Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'type' && k !== 'features'));
    const head = JSON.stringify({ type: 'FeatureCollection', ...rest }).slice(0, -1);
    return `${head},"features":[\n${v.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}
