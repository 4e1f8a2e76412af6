/**
 * Peak resident memory of this process, sampled from a worker thread every 10 ms so that long
 * synchronous work on the main thread (the pipeline) is sampled too. RSS is process-wide, so the
 * worker sees the main thread's allocations.
 */
import { Worker } from 'node:worker_threads';

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = new Float64Array(workerData);
const sample = () => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; };
sample();
setInterval(sample, 10);
`;

export interface RssSampler {
  /** Highest RSS seen so far, in bytes. */
  peak(): number;
  stop(): Promise<number>;
}

export function startRssSampler(): RssSampler {
  const shared = new SharedArrayBuffer(8);
  const peak = new Float64Array(shared);
  peak[0] = process.memoryUsage.rss();
  const worker = new Worker(SAMPLER, { eval: true, workerData: shared });
  worker.unref();
  const read = () => Math.max(peak[0] ?? 0, process.memoryUsage.rss());
  return {
    peak: read,
    async stop() {
      const p = read();
      await worker.terminate();
      return p;
    },
  };
}

/** The kernel's own high-water mark for this process (getrusage ru_maxrss), in bytes. */
export function osMaxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
