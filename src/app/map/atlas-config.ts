/**
 * atlas.config.json: a deployment's build-time settings (an online basemap provider, the public
 * address the kiosk's QR code carries). Read by vite.config.ts when building; the app receives
 * the parsed values through `define`, so none of this validation is loaded in the browser.
 */
import { z } from 'zod';
import { parseJsonWithSchema } from '../../core/io/json';

const HttpsUrl = z
  .string()
  .url()
  .refine((u) => u.startsWith('https://'), 'must be an https:// URL (the page is served over https and the CSP lists origins)');
const TileTemplate = HttpsUrl.refine((u) => ['{z}', '{x}', '{y}'].every((t) => u.includes(t)), 'must contain {z}, {x} and {y}');
const Origin = HttpsUrl.refine((u) => new URL(u).origin === u, 'must be an origin: scheme and host only, no path or trailing slash');

export const ProviderConfig = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('style'),
      /** A MapLibre style JSON. Its layers are drawn under the report's; its labels use the app's own glyphs. */
      url: HttpsUrl,
      /** Origins the style's sources, tiles and sprite come from, besides the style's own origin. */
      origins: z.array(Origin).default([]),
    })
    .strict(),
  z
    .object({
      type: z.literal('raster'),
      tiles: z.array(TileTemplate).min(1),
      attribution: z.string().min(1),
      maxzoom: z.number().int().min(0).max(24).default(19),
      tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
      scheme: z.enum(['xyz', 'tms']).default('xyz'),
      /** The CRS the tiles are drawn in; 'gcj02' moves every overlay onto them. */
      crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
    })
    .strict(),
  z
    .object({
      type: z.literal('tianditu'),
      /** A 天地图 browser key (tk); it ends up in the page, as Tianditu's own JavaScript API puts it. */
      key: z.string().regex(/^[0-9a-zA-Z]{16,64}$/, 'a Tianditu key is 32 letters and digits'),
      layer: z.enum(['vec', 'img', 'ter']).default('vec'),
      labels: z.boolean().default(true),
    })
    .strict(),
  z.object({ type: z.literal('amap'), layer: z.enum(['road', 'satellite']).default('road') }).strict(),
  z.object({ type: z.literal('tencent') }).strict(),
]);
export type ProviderConfigT = z.infer<typeof ProviderConfig>;

export const AtlasConfig = z
  .object({
    basemap: ProviderConfig.optional(),
    /**
     * The deployment's public address (what a phone can open): the kiosk's QR code carries it.
     * Without one the kiosk shows no QR code, rather than a link to itself that no phone reaches.
     */
    publicUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// address')
      .optional(),
  })
  .strict();

/** Reads atlas.config.json text; no `basemap` means no provider (offline). */
export function parseAtlasConfig(text: string, file: string): ProviderConfigT | null {
  return parseJsonWithSchema(text, file, AtlasConfig).basemap ?? null;
}

/** The public address in atlas.config.json text, or null. */
export function parsePublicUrl(text: string, file: string): string | null {
  return parseJsonWithSchema(text, file, AtlasConfig).publicUrl ?? null;
}
