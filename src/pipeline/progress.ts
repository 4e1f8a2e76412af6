/** A one-line progress display on a terminal, plain lines otherwise (CI logs stay readable). */
export function progress(label: string) {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  return {
    step(done: number, total: number, note = '') {
      if (!tty) return;
      const pct = total ? Math.round((done / total) * 100) : 100;
      process.stderr.write(`\r${label}: ${done}/${total} (${pct}%) ${note}`.padEnd(80));
    },
    done(summary: string) {
      const ms = Math.round(performance.now() - started);
      process.stderr.write(`${tty ? '\r' : ''}${`${label}: ${summary} (${ms} ms)`.padEnd(80)}\n`);
    },
  };
}
