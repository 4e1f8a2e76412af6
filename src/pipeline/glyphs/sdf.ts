import type { PathCommand } from 'opentype.js';

/** The glyph PBF conventions MapLibre expects: 24 px glyphs, a 3 px border, SDF radius 8, cutoff 0.25. */
export const GLYPH_SIZE = 24;
export const GLYPH_BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
/** MapLibre places a locally drawn glyph's top at (ascent − 27.5) px; server glyphs must agree, or
 * Latin letters would sit higher or lower than the Chinese characters beside them. */
const TOP_ADJUST = 27;
/** Curves are flattened into this many straight pieces: well under 0.1 px of error at 24 px. */
const CURVE_STEPS = 12;

export interface SdfGlyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

type Seg = [number, number, number, number];

/** Outline as straight segments in pixels (y up), at the glyph size. */
function flatten(commands: PathCommand[], scale: number): Seg[] {
  const segs: Seg[] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const to = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segs.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  for (const c of commands) {
    const cx = (c.x ?? 0) * scale;
    const cy = (c.y ?? 0) * scale;
    if (c.type === 'M') {
      if (x !== sx || y !== sy) to(sx, sy);
      x = sx = cx;
      y = sy = cy;
    } else if (c.type === 'L') to(cx, cy);
    else if (c.type === 'Q') {
      const [x0, y0, x1, y1] = [x, y, (c.x1 ?? 0) * scale, (c.y1 ?? 0) * scale];
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * x1 + t * t * cx, u * u * y0 + 2 * u * t * y1 + t * t * cy);
      }
    } else if (c.type === 'C') {
      const [x0, y0] = [x, y];
      const [x1, y1, x2, y2] = [(c.x1 ?? 0) * scale, (c.y1 ?? 0) * scale, (c.x2 ?? 0) * scale, (c.y2 ?? 0) * scale];
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * cx,
          u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * cy,
        );
      }
    } else if (c.type === 'Z') to(sx, sy);
  }
  if (x !== sx || y !== sy) to(sx, sy);
  return segs;
}

function distance(px: number, py: number, s: Seg): number {
  const dx = s[2] - s[0];
  const dy = s[3] - s[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((px - s[0]) * dx + (py - s[1]) * dy) / l2)) : 0;
  return Math.hypot(px - s[0] - t * dx, py - s[1] - t * dy);
}

/** Non-zero winding: fonts draw counters (the hole in "o") with the opposite direction. */
function winding(px: number, py: number, segs: Seg[]): number {
  let w = 0;
  for (const [x0, y0, x1, y1] of segs) {
    if (y0 <= py) {
      if (y1 > py && (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0) > 0) w++;
    } else if (y1 <= py && (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0) < 0) w--;
  }
  return w;
}

/** An exact signed distance field of one glyph outline, encoded as MapLibre reads it. */
export function renderSdf(id: number, commands: PathCommand[], advanceUnits: number, unitsPerEm: number): SdfGlyph {
  const scale = GLYPH_SIZE / unitsPerEm;
  const segs = flatten(commands, scale);
  const advance = Math.round(advanceUnits * scale);
  if (segs.length === 0) return { id, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: -TOP_ADJUST, advance };
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of segs) {
    x1 = Math.min(x1, s[0], s[2]);
    x2 = Math.max(x2, s[0], s[2]);
    y1 = Math.min(y1, s[1], s[3]);
    y2 = Math.max(y2, s[1], s[3]);
  }
  const left = Math.floor(x1);
  const bottom = Math.floor(y1);
  const topPx = Math.ceil(y2);
  const width = Math.ceil(x2) - left;
  const height = topPx - bottom;
  const w = width + 2 * GLYPH_BUFFER;
  const h = height + 2 * GLYPH_BUFFER;
  const bitmap = new Uint8Array(w * h);
  for (let j = 0; j < h; j++)
    for (let i = 0; i < w; i++) {
      const px = left - GLYPH_BUFFER + i + 0.5;
      const py = topPx + GLYPH_BUFFER - j - 0.5;
      let d = Infinity;
      for (const s of segs) d = Math.min(d, distance(px, py, s));
      const signed = winding(px, py, segs) !== 0 ? -d : d;
      bitmap[j * w + i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (signed / RADIUS + CUTOFF))));
    }
  return { id, bitmap, width, height, left, top: topPx - TOP_ADJUST, advance };
}
