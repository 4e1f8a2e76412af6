import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import opentype, { type Font } from 'opentype.js';
import { Outputs } from '../write';
import { encodeGlyphRange } from './pbf';
import { renderSdf, type SdfGlyph } from './sdf';
import { extractFont, fontCount } from './ttc';

/** Opens the font named `family` in a font file or collection. */
export function openFont(path: string, family: string): Font {
  const file = readFileSync(path);
  for (let i = 0; i < fontCount(file); i++) {
    const sfnt = extractFont(file, i);
    const font = opentype.parse(sfnt.buffer.slice(sfnt.byteOffset, sfnt.byteOffset + sfnt.length) as ArrayBuffer);
    const names = [font.names.windows?.fontFamily?.en, font.names.unicode?.fontFamily?.en, font.names.macintosh?.fontFamily?.en];
    if (names.includes(family)) return font;
  }
  throw new Error(`${path}: no font of family "${family}" in it`);
}

/** Every code point of a 256-range that the font has a glyph for, as SDF glyphs. */
export function rangeGlyphs(font: Font, start: number): SdfGlyph[] {
  const out: SdfGlyph[] = [];
  for (let cp = start; cp < start + 256; cp++) {
    const ch = String.fromCodePoint(cp);
    if (font.charToGlyphIndex(ch) === 0) continue;
    const g = font.charToGlyph(ch);
    out.push(renderSdf(cp, g.path.commands, g.advanceWidth ?? 0, font.unitsPerEm));
  }
  return out;
}

/** Writes `<outDir>/<fontstack>/<start>-<end>.pbf` for each range, all at once or none; returns the files. */
export function buildGlyphs(font: Font, fontstack: string, starts: number[], outDir: string): string[] {
  const dir = resolve(outDir, fontstack);
  const outputs = new Outputs();
  const files = starts.map((start) => {
    const file = resolve(dir, `${start}-${start + 255}.pbf`);
    outputs.addRaw(file, encodeGlyphRange(fontstack, start, rangeGlyphs(font, start)));
    return file;
  });
  outputs.commit();
  return files;
}
