/**
 * npm run glyphs [-- --font <file.ttc|otf|ttf>] [--family <name>]
 * Writes the few glyph ranges (Latin letters, digits, punctuation) that labels need from the
 * style's glyphs URL into public/glyphs/. Chinese characters never come from there: MapLibre draws
 * them from local fonts (localIdeographFontFamily). The output is committed, because the font is
 * a system file (Debian's fonts-noto-cjk) that a plain clone may not have. Deterministic.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../fail';
import { buildGlyphs, openFont } from '../glyphs/build';
import { ROOT } from '../paths';
import { progress } from '../progress';

/** Noto Sans CJK's Latin glyphs: the same design as the Chinese labels drawn beside them. */
const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const DEFAULT_FAMILY = 'Noto Sans CJK SC';
/** The font stack the layers name in text-font. */
const FONTSTACK = 'Noto Sans Regular';
/** Basic Latin + Latin-1 (digits, °, ·), Latin Extended-A (pinyin with tone marks), General Punctuation. */
const RANGES = [0, 256, 8192];

await runCli(() => {
  const { values } = parseArgs({ options: { font: { type: 'string' }, family: { type: 'string' } } });
  const fontPath = values.font ?? DEFAULT_FONT;
  if (!existsSync(fontPath)) {
    process.stderr.write(`error: ${fontPath} not found (on Debian: apt-get install fonts-noto-cjk, or pass --font)\n`);
    return 1;
  }
  const p = progress('glyphs');
  const files = buildGlyphs(openFont(fontPath, values.family ?? DEFAULT_FAMILY), FONTSTACK, RANGES, resolve(ROOT, 'public/glyphs'));
  p.done(files.map((f) => relative(ROOT, f)).join(', '));
  return 0;
});
