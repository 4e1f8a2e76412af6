/**
 * Pulls one font out of a TrueType/OpenType collection (.ttc) as a standalone sfnt, because
 * opentype.js reads single fonts only. Table offsets in a collection count from the start of the
 * file, so the tables are copied and their offsets rewritten.
 */
export function fontCount(ttc: Buffer): number {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return 1;
  return ttc.readUInt32BE(8);
}

export function extractFont(ttc: Buffer, index: number): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const start = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(start + 4);
  const records = Array.from({ length: numTables }, (_, k) => {
    const r = start + 12 + 16 * k;
    return { header: ttc.subarray(r, r + 8), offset: ttc.readUInt32BE(r + 8), length: ttc.readUInt32BE(r + 12) };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const size = 12 + 16 * numTables + records.reduce((s, r) => s + padded(r.length), 0);
  const out = Buffer.alloc(size);
  ttc.copy(out, 0, start, start + 12);
  let at = 12 + 16 * numTables;
  records.forEach((r, k) => {
    const q = 12 + 16 * k;
    r.header.copy(out, q);
    out.writeUInt32BE(at, q + 8);
    out.writeUInt32BE(r.length, q + 12);
    ttc.copy(out, at, r.offset, r.offset + r.length);
    at += padded(r.length);
  });
  return out;
}
