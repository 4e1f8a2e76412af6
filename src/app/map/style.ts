import type { StyleSpecification } from 'maplibre-gl';

/** Chinese labels are drawn by the browser from local fonts: no glyph server is ever asked. */
export const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const PALETTE = {
  background: '#f4f1ea',
  districtFill: '#fbfaf6',
  districtLine: '#5b4a3a',
  subdistrictLine: '#9c8b78',
  label: '#3b3128',
  halo: '#fbfaf6',
};

/**
 * The empty base style the layers are added to. Glyph URLs point at the app's own origin; with
 * localIdeographFontFamily set, MapLibre draws CJK characters itself and requests nothing for them.
 */
export function baseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    name: 'Xicheng Report Atlas',
    glyphs: `${origin}glyphs/{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } }],
  };
}
