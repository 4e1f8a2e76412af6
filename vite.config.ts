import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderReport } from './scripts/vite/prerender-report';
import { parseAtlasConfig, parsePublicUrl } from './src/app/map/atlas-config';
import { buildCsp } from './src/app/map/providers';
import { OSM_BASEMAP_DIR, OSM_BASEMAP_FORMAT, OSM_MANIFEST_FILE } from './src/core/geo/osm-basemap';

/**
 * The basemap provider is chosen at build time: atlas.config.json at the repository root, or the
 * file ATLAS_CONFIG names. Without one the app is offline, and its CSP allows only its own origin.
 */
const CONFIG_FILE = resolve(import.meta.dirname, process.env.ATLAS_CONFIG ?? 'atlas.config.json');
export const PROVIDER = existsSync(CONFIG_FILE) ? parseAtlasConfig(readFileSync(CONFIG_FILE, 'utf8'), CONFIG_FILE) : null;
/** The deployment's public address for the kiosk's QR code (null: the kiosk shows none). */
export const PUBLIC_URL = existsSync(CONFIG_FILE) ? parsePublicUrl(readFileSync(CONFIG_FILE, 'utf8'), CONFIG_FILE) : null;

/** The dev server is left without it because Vite's client injects inline styles for HMR. */
export const CSP = buildCsp(PROVIDER);

function csp(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

/**
 * The app asks for basemap-osm/manifest.json to find a street basemap built by `npm run basemap`.
 * When there is none (the default), the build ships a manifest saying so, and the dev server
 * answers the same: an ordinary 200, where a 404 would be logged by the browser as a console error.
 */
function osmBasemapManifest(): Plugin {
  const path = `${OSM_BASEMAP_DIR}/${OSM_MANIFEST_FILE}`;
  const absent = `${JSON.stringify({ format: OSM_BASEMAP_FORMAT, present: false }, null, 2)}\n`;
  let publicDir = '';
  const built = () => existsSync(resolve(publicDir, path));
  return {
    name: 'atlas-osm-basemap-manifest',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0]?.endsWith(`/${path}`) || built()) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(absent);
      });
    },
    generateBundle() {
      if (!built()) this.emitFile({ type: 'asset', fileName: path, source: absent });
    },
  };
}

/**
 * Headers a deployment sends with every response (the README's deployment section has the same
 * for nginx and Caddy). frame-ancestors cannot be set from a <meta> CSP, so only a header stops
 * another site from framing the app (clickjacking a kiosk or a phone); X-Frame-Options says the
 * same to browsers without CSP 2. nosniff keeps data files from being run as script. The app's
 * URLs carry the reader's place and position (near=lat,lng): another origin learns at most the
 * origin, which an online tile provider's key check needs (strict-origin-when-cross-origin).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The service worker (Workbox, generated at build time): it precaches the whole build — app shell,
 * code, report and place data, basemap (the OSM one too when built), glyphs — so that a page
 * visited once reloads without a network (a kiosk during a drop). Everything comes from the app's
 * own origin; the Workbox runtime is bundled beside sw.js, never fetched from a CDN. A new build
 * installs in the background and waits: it takes over only when the page asks (src/app/offline.ts),
 * never under a page still running the old code, whose lazy chunks the old cache keeps serving.
 */
function serviceWorker(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,json,geojson,pbf,png,svg,woff2}'],
      // The main chunk (MapLibre) is ~1.2 MB and the OSM buildings layer can be several MB.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
      sourcemap: false,
      inlineWorkboxRuntime: true,
      // A request with a query is not the precached file (the online probe of offline.ts relies on it).
      ignoreURLParametersMatching: [/^utm_/],
    },
  });
}

export default defineConfig({
  base: './',
  preview: { headers: SECURITY_HEADERS },
  plugins: [csp(), osmBasemapManifest(), prerenderReport(import.meta.dirname), serviceWorker()],
  define: {
    __ATLAS_BASEMAP_PROVIDER__: JSON.stringify(PROVIDER),
    __ATLAS_PUBLIC_URL__: JSON.stringify(PUBLIC_URL),
    // Test handles on window (src/app/test-hooks.ts): only in the build the browser tests run against.
    __ATLAS_TEST_HOOKS__: JSON.stringify(process.env.ATLAS_TEST_HOOKS === '1'),
    // Names the build in the page (html[data-build]); the update test builds a second one with another id.
    __ATLAS_BUILD_ID__: JSON.stringify(process.env.ATLAS_BUILD_ID ?? 'local'),
  },
  build: {
    target: 'es2022',
    // Every browser the app supports has <link rel="modulepreload">: no polyfill in the first script.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Small data files would otherwise be inlined as data: URLs, which the CSP (connect-src 'self') rightly refuses to fetch.
    assetsInlineLimit: 0,
  },
});
