import type { LinkableEntry, ParsablePlace } from '../../../core/geoparse/geoparse';
import { type MappedReport, MappedReportSchema } from '../../../core/import/model';
import type { FromWorker, ToWorker } from './worker';

/** A refusal of the input (bad bytes, no place names: `input`), or a failure of the reader itself. */
export class ReaderError extends Error {
  constructor(
    message: string,
    readonly input: boolean,
  ) {
    super(message);
  }
}

export interface ReadResult {
  mapped: MappedReport;
  text: string;
  /** Time in the worker, from the bytes to the ranked candidates. */
  ms: number;
}

interface Pending {
  resolve(r: ReadResult): void;
  reject(e: ReaderError): void;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * The page's side of the report reader: one worker, started on the first report and kept; each
 * request answered once, its result validated with the schema it claims (a message is a boundary).
 * A worker that fails to start or crashes fails what it was doing and is started afresh next time.
 */
export class ReportReader {
  private worker: Worker | undefined;
  private seq = 0;
  private districtSent = false;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly district: () => Promise<LinkableEntry[]>) {}

  async read(
    input: { bytes: ArrayBuffer } | { text: string },
    file: string,
    places: ParsablePlace[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<ReadResult> {
    const district = this.districtSent ? undefined : await this.district();
    const w = this.start();
    const id = ++this.seq;
    const msg: ToWorker = { id, file, places, ...input, ...(district ? { district } : {}) };
    this.districtSent = true;
    return new Promise<ReadResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      w.postMessage(msg, 'bytes' in input ? [input.bytes] : []);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'atlas-report-reader' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => this.fail(e.message || 'the worker could not be started');
    w.onmessageerror = () => this.fail('a message from the worker could not be read');
    this.worker = w;
    return w;
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') {
      p.onProgress?.(m.done, m.total);
      return;
    }
    this.pending.delete(m.id);
    if (m.kind === 'error') {
      p.reject(new ReaderError(m.message, m.input));
      return;
    }
    const checked = MappedReportSchema.safeParse(m.mapped);
    if (!checked.success) p.reject(new ReaderError(`the reader's result is malformed: ${checked.error.issues[0]?.message}`, false));
    else p.resolve({ mapped: checked.data, text: m.text, ms: m.ms });
  }

  private fail(reason: string): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.districtSent = false;
    for (const p of this.pending.values()) p.reject(new ReaderError(reason, false));
    this.pending.clear();
  }
}
