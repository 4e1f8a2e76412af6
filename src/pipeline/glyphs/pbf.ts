import { PbfWriter } from 'pbf';
import type { SdfGlyph } from './sdf';

/**
 * Writes the glyph range protobuf MapLibre loads from a style's `glyphs` URL
 * (glyphs → stacks{name, range, glyphs{id, bitmap, width, height, left, top, advance}}), with
 * pbf, the protobuf writer MapLibre itself reads these files with.
 */
export function encodeGlyphRange(fontstack: string, start: number, glyphs: SdfGlyph[]): Uint8Array {
  const pbf = new PbfWriter();
  pbf.writeMessage(1, writeStack, { fontstack, start, glyphs });
  return pbf.finish();
}

function writeStack(s: { fontstack: string; start: number; glyphs: SdfGlyph[] }, pbf: PbfWriter): void {
  pbf.writeStringField(1, s.fontstack);
  pbf.writeStringField(2, `${s.start}-${s.start + 255}`);
  for (const g of s.glyphs) pbf.writeMessage(3, writeGlyph, g);
}

function writeGlyph(g: SdfGlyph, pbf: PbfWriter): void {
  pbf.writeVarintField(1, g.id);
  // A glyph without outline (a space) has no bitmap field at all, as in MapLibre's own glyphs.
  if (g.bitmap.length) pbf.writeBytesField(2, g.bitmap);
  pbf.writeVarintField(3, g.width);
  pbf.writeVarintField(4, g.height);
  pbf.writeSVarintField(5, g.left);
  pbf.writeSVarintField(6, g.top);
  pbf.writeVarintField(7, g.advance);
}
