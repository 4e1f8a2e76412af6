import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors';
import { missingField } from '../io/issues';
import { formatPath } from '../io/json';
import { GazetteerRecord, type GazetteerRecordT } from './model';
import { coordinateProblem } from './plausible';

export interface LocatedRecord {
  record: GazetteerRecordT;
  file: string;
  line: number;
}

/**
 * Parses one gazetteer YAML file. Every problem is reported with file, line and field, and the
 * first one stops the build: a malformed record is never dropped or half-read.
 */
export function parseGazetteerFile(text: string, file: string): LocatedRecord[] {
  return parseRecordsFile(text, file, GazetteerRecord).map(({ record, line }) => ({ record, file, line }));
}

/** Parses a YAML list of records with a schema; errors name file, line and field. */
export function parseRecordsFile<S extends z.ZodType>(text: string, file: string, schema: S): Array<{ record: z.infer<S>; line: number }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const yamlError = doc.errors[0];
  if (yamlError) throw new InputError(`invalid YAML: ${yamlError.message.split('\n')[0]}`, { file, line: lineOf(yamlError.pos[0]) });
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents))
    throw new InputError('a gazetteer file is a YAML list of records (- id: …)', { file, line: lineOf(doc.contents.range?.[0]) });
  const out: Array<{ record: z.infer<S>; line: number }> = [];
  doc.contents.items.forEach((item, i) => {
    const line = lineOf((item as { range?: [number, number, number] }).range?.[0]);
    if (!isMap(item)) throw new InputError(`record ${i + 1} is not a mapping of fields`, { file, line });
    const result = schema.safeParse(item.toJSON(), { error: missingField });
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = (issue?.path ?? []) as Array<string | number>;
      // Point at the field's own line when it exists, else at the record.
      const node = path.length ? doc.getIn([i, ...path], true) : undefined;
      const fieldLine = node && typeof node === 'object' && 'range' in node ? lineOf((node as { range?: [number] }).range?.[0]) : line;
      const raw = item.toJSON() as { id?: unknown; geometry?: { coordinates?: unknown } };
      const id = raw.id;
      // A point typed as [lat, lng] fails the latitude range here: say what happened rather than "too big".
      const swapped = path[0] === 'geometry' ? coordinateProblem(raw.geometry?.coordinates) : undefined;
      const message = swapped?.includes('[latitude, longitude]') ? swapped : (issue?.message ?? 'invalid');
      throw new InputError(`${typeof id === 'string' ? `record "${id}": ` : `record ${i + 1}: `}${message}`, {
        file,
        line: fieldLine,
        field: formatPath(path) || '(record)',
      });
    }
    // Every record with coordinates (a place, a ground feature, a street end) lies in a plausible region.
    const data = result.data as { id?: string; geometry?: { coordinates?: unknown } };
    const problem = coordinateProblem(data.geometry?.coordinates);
    if (problem) {
      const node = doc.getIn([i, 'geometry'], true) as { range?: [number] } | undefined;
      throw new InputError(`record "${data.id ?? i + 1}": ${problem}`, { file, line: lineOf(node?.range?.[0]) ?? line, field: 'geometry' });
    }
    out.push({ record: result.data, line });
  });
  return out;
}

/** Checks that hold across files: unique ids, each alias naming one place, references that resolve. */
export function checkGazetteer(records: LocatedRecord[]): void {
  const byId = new Map<string, LocatedRecord>();
  const byAlias = new Map<string, LocatedRecord>();
  for (const r of records) {
    const prev = byId.get(r.record.id);
    if (prev)
      throw new InputError(`duplicate id "${r.record.id}" (also at ${prev.file} line ${prev.line})`, {
        file: r.file,
        line: r.line,
        field: 'id',
      });
    byId.set(r.record.id, r);
  }
  for (const r of records) {
    for (const alias of new Set([r.record.name, ...r.record.aliases])) {
      const prev = byAlias.get(alias);
      if (prev && prev.record.id !== r.record.id)
        throw new InputError(`alias "${alias}" names both "${prev.record.id}" (${prev.file} line ${prev.line}) and "${r.record.id}"`, {
          file: r.file,
          line: r.line,
          field: 'aliases',
        });
      byAlias.set(alias, r);
    }
    for (const field of ['parts', 'related', 'shares_geometry_with'] as const) {
      const v = r.record[field];
      for (const ref of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
        if (!byId.has(ref))
          throw new InputError(`record "${r.record.id}": ${field} names unknown id "${ref}"`, { file: r.file, line: r.line, field });
      }
    }
  }
}
