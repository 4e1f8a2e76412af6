import { parse } from 'yaml';
import { InputError } from '../errors';
import { NotPlaces } from './model';

/** not-places.yaml: words that contain a place name but are not places (过街天桥). */
export function parseYamlList(text: string, file: string): string[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    throw new InputError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`, { file, line });
  }
  const r = NotPlaces.safeParse(value);
  if (!r.success) throw new InputError(r.error.issues[0]?.message ?? 'invalid', { file, line: 1, field: 'not_places' });
  return r.data.not_places;
}
