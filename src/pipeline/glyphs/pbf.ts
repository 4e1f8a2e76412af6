import type { SdfGlyph } from './sdf';

/**
 * Writes the glyph range protobuf MapLibre loads from a style's `glyphs` URL
 * (glyphs → stacks{name, range, glyphs{id, bitmap, width, height, left, top, advance}}).
 */
class Writer {
  private bytes: number[] = [];
  varint(n: number): this {
    let v = n >>> 0;
    while (v > 0x7f) {
      this.bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.bytes.push(v);
    return this;
  }
  tag(field: number, wire: 0 | 2): this {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, n: number): this {
    return this.tag(field, 0).varint(n);
  }
  sint(field: number, n: number): this {
    return this.tag(field, 0).varint(((n << 1) ^ (n >> 31)) >>> 0);
  }
  raw(field: number, data: Uint8Array | number[]): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.raw(field, new TextEncoder().encode(s));
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function encodeGlyphRange(fontstack: string, start: number, glyphs: SdfGlyph[]): Uint8Array {
  const stack = new Writer().string(1, fontstack).string(2, `${start}-${start + 255}`);
  for (const g of glyphs) {
    const m = new Writer().uint(1, g.id);
    if (g.bitmap.length) m.raw(2, g.bitmap);
    m.uint(3, g.width).uint(4, g.height).sint(5, g.left).sint(6, g.top).uint(7, g.advance);
    stack.raw(3, m.done());
  }
  return new Writer().raw(1, stack.done()).done();
}
