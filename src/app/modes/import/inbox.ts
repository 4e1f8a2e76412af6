import type { Source } from './open-box';

/**
 * What the rest of the app asks of the import view before it exists or while the mode is off: read
 * a mention in an opened report (a place card's link, in any mode), or open what was dropped on the
 * page outside the mode. The view takes them in order once it is built.
 */
export type ImportRequest = { kind: 'show'; reportId: string; paragraphId: string; start: number } | { kind: 'open'; sources: Source[] };

let pending: ImportRequest[] = [];
let handler: ((r: ImportRequest) => void) | undefined;

export function send(r: ImportRequest): void {
  if (handler) handler(r);
  else pending.push(r);
}

export function receive(fn: (r: ImportRequest) => void): void {
  handler = fn;
  const waiting = pending;
  pending = [];
  for (const r of waiting) fn(r);
}
