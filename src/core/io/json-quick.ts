import type { z } from 'zod';
import { missingField } from './issues';

/**
 * JSON.parse and the schema, as parseJsonWithSchema does first; only when something is wrong is
 * the located parser (./json, with jsonc-parser) loaded to name the line and field. The app reads
 * its data with this, so the locating code is not part of the JavaScript every visitor loads.
 */
export async function parseJsonQuick<S extends z.ZodType>(text: string, file: string, schema: S): Promise<z.infer<S>> {
  try {
    const result = schema.safeParse(JSON.parse(text), { error: missingField });
    if (result.success) return result.data;
  } catch {
    // Not JSON: located below.
  }
  const { parseJsonWithSchema } = await import('./json');
  return parseJsonWithSchema(text, file, schema);
}
