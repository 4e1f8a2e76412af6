import type { StyleSpecification } from 'maplibre-gl';

/** Chinese labels are drawn by the browser from local fonts: no glyph server is ever asked. */
export const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * The empty style the composer adds the layers to. Glyph URLs point at the app's own origin; with
 * localIdeographFontFamily set, MapLibre draws CJK characters itself and requests nothing for them.
 */
export function baseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'Xicheng Report Atlas',
    glyphs: `${origin}glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    // Every layer, the background too, is added by the composer (./compose.ts).
    layers: [],
  };
}
