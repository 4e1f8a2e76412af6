import type { ParsablePlace } from '../../../core/geoparse/geoparse';
import { tooBig } from '../../../core/report/decode';
import { ReaderError, type ReadResult, type ReportReader } from './client';
import type { Source } from './open-box';
import { imt } from './strings';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Reads what a planner handed over, refusing with one clear notice (and nothing else changed):
 * a file over 20 MB (before reading a byte of it), a file the browser cannot read (removed or
 * changed since it was chosen, a folder), bytes that are not a report (binary, wrong encoding), a
 * text without a place name, or a failure of the reader itself.
 */
export async function readSource(
  src: Source,
  reader: ReportReader,
  places: ParsablePlace[],
  status: (s: string) => void,
  notice: (m: string) => void,
): Promise<ReadResult | undefined> {
  const size = src.kind === 'file' ? src.file.size : new TextEncoder().encode(src.text).length;
  const big = tooBig(size);
  if (big) {
    notice(`${imt('tooBig')}${src.name}: ${big}`);
    return undefined;
  }
  let input: { bytes: ArrayBuffer } | { text: string };
  if (src.kind === 'file') {
    status(imt('reading', { file: src.name }));
    try {
      input = { bytes: await src.file.arrayBuffer() };
    } catch (e) {
      status('');
      notice(imt('cantRead', { file: src.name, reason: reason(e) }));
      return undefined;
    }
  } else input = { text: src.text };
  try {
    return await reader.read(input, src.name, places, (done, total) => status(imt('progress', { file: src.name, done, total })));
  } catch (e) {
    status('');
    notice(e instanceof ReaderError && e.input ? `${imt('cantOpen')}${e.message}` : imt('workerFailed', { reason: reason(e) }));
    return undefined;
  }
}
