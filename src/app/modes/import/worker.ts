import notPlacesYaml from '../../../../geodata/gazetteer/not-places.yaml?raw';
import { InputError } from '../../../core/errors';
import { parseYamlList } from '../../../core/gazetteer/not-places';
import type { LinkableEntry, ParsablePlace } from '../../../core/geoparse/geoparse';
import { mapReport } from '../../../core/import/map-report';
import type { MappedReport } from '../../../core/import/model';
import { decodeReportBytes } from '../../../core/report/decode';

/**
 * The report reader, in a Web Worker so that a long report never blocks the page: it runs the same
 * core code as `npm run geoparse` (decode, parse, geoparse, candidates), without jieba, which is a
 * native Node module; the candidates are those of the suffix rules (src/core/import/map-report.ts).
 */
export interface ToWorker {
  id: number;
  file: string;
  bytes?: ArrayBuffer;
  text?: string;
  /** The project's places and the planner's additions. */
  places: ParsablePlace[];
  /** The district gazetteer, sent once (the worker keeps it). */
  district?: LinkableEntry[];
}
export type FromWorker =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'done'; mapped: MappedReport; text: string; ms: number; paragraphs: number }
  | { id: number; kind: 'error'; message: string; input: boolean };

let district: LinkableEntry[] = [];
let notPlaces: string[] | undefined;
const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.district) district = msg.district;
  try {
    notPlaces ??= parseYamlList(notPlacesYaml, 'geodata/gazetteer/not-places.yaml');
    // Timed from the bytes to the ranked candidates: what the benchmark compares with Node.
    const t0 = performance.now();
    const text = msg.bytes ? decodeReportBytes(new Uint8Array(msg.bytes), msg.file) : (msg.text ?? '');
    let last = 0;
    const mapped = mapReport({ text }, msg.file, { places: msg.places, notPlaces, district }, (done, total) => {
      const now = performance.now();
      if (now - last < 50 && done < total) return;
      last = now;
      post({ id: msg.id, kind: 'progress', done, total });
    });
    post({ id: msg.id, kind: 'done', mapped, text, ms: performance.now() - t0, paragraphs: mapped.report.paragraphs.length });
  } catch (err) {
    post({ id: msg.id, kind: 'error', message: err instanceof Error ? err.message : String(err), input: err instanceof InputError });
  }
};
