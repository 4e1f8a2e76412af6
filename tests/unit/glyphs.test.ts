import { describe, expect, it } from 'vitest';
import { encodeGlyphRange } from '../../src/pipeline/glyphs/pbf';
import { GLYPH_BUFFER, renderSdf } from '../../src/pipeline/glyphs/sdf';

/** A reader for exactly the protobuf the glyph ranges use, to check what was written. */
function readMessage(buf: Uint8Array): Array<{ field: number; value: number | Uint8Array }> {
  const out: Array<{ field: number; value: number | Uint8Array }> = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++] as number;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const key = varint();
    if ((key & 7) === 0) out.push({ field: key >> 3, value: varint() });
    else {
      const len = varint();
      out.push({ field: key >> 3, value: buf.subarray(i, i + len) });
      i += len;
    }
  }
  return out;
}
const unzigzag = (n: number) => (n >>> 1) ^ -(n & 1);

// A square in a 2400-unit em: 12 × 12 px at the 24 px glyph size, from (2,0) to (14,12).
const square = [
  { type: 'M' as const, x: 200, y: 0 },
  { type: 'L' as const, x: 1400, y: 0 },
  { type: 'L' as const, x: 1400, y: 1200 },
  { type: 'L' as const, x: 200, y: 1200 },
  { type: 'Z' as const },
];

describe('glyph SDF and PBF', () => {
  it('renders a signed distance field: the edge at 191, inside brighter, outside darker', () => {
    const g = renderSdf(65, square, 1700, 2400);
    expect([g.width, g.height, g.left, g.advance]).toEqual([12, 12, 2, 17]);
    const w = g.width + 2 * GLYPH_BUFFER;
    expect(g.bitmap.length).toBe(w * (g.height + 2 * GLYPH_BUFFER));
    const at = (x: number, y: number) => g.bitmap[y * w + x] as number;
    const centre = at(GLYPH_BUFFER + 6, GLYPH_BUFFER + 6);
    const corner = at(0, 0);
    expect(centre).toBeGreaterThan(240);
    expect(corner).toBeLessThan(150);
    // The first pixel inside the left edge is half a pixel from it: just above the 191 threshold.
    expect(at(GLYPH_BUFFER, GLYPH_BUFFER + 6)).toBeGreaterThan(191);
    expect(at(GLYPH_BUFFER - 1, GLYPH_BUFFER + 6)).toBeLessThan(191);
  });

  it('a glyph without outline (space) has metrics and an advance but no bitmap', () => {
    const g = renderSdf(32, [], 500, 2400);
    expect(g.bitmap.length).toBe(0);
    expect(g.advance).toBe(5);
  });

  it('writes the glyphs → stacks → glyphs protobuf with zigzag-encoded left/top', () => {
    const a = renderSdf(65, square, 1700, 2400);
    const space = renderSdf(32, [], 500, 2400);
    const [stackField] = readMessage(encodeGlyphRange('Noto Sans Regular', 0, [space, a]));
    expect(stackField?.field).toBe(1);
    const stack = readMessage(stackField?.value as Uint8Array);
    expect(new TextDecoder().decode(stack[0]?.value as Uint8Array)).toBe('Noto Sans Regular');
    expect(new TextDecoder().decode(stack[1]?.value as Uint8Array)).toBe('0-255');
    const glyphs = stack.filter((f) => f.field === 3).map((f) => readMessage(f.value as Uint8Array));
    expect(glyphs.map((g) => g[0]?.value)).toEqual([32, 65]);
    const fields = Object.fromEntries((glyphs[1] ?? []).map((f) => [f.field, f.value]));
    expect((fields[2] as Uint8Array).length).toBe(a.bitmap.length);
    expect([fields[3], fields[4], unzigzag(fields[5] as number), unzigzag(fields[6] as number), fields[7]]).toEqual([
      a.width,
      a.height,
      a.left,
      a.top,
      a.advance,
    ]);
    expect(a.top).toBeLessThan(0);
  });
});
