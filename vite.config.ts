import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { prerenderReport } from './scripts/vite/prerender-report';
import { buildCsp, parseAtlasConfig, parsePublicUrl } from './src/app/map/providers';
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

export default defineConfig({
  base: './',
  plugins: [csp(), osmBasemapManifest(), prerenderReport(import.meta.dirname)],
  define: {
    __ATLAS_BASEMAP_PROVIDER__: JSON.stringify(PROVIDER),
    __ATLAS_PUBLIC_URL__: JSON.stringify(PUBLIC_URL),
    // Test handles on window (src/app/test-hooks.ts): only in the build the browser tests run against.
    __ATLAS_TEST_HOOKS__: JSON.stringify(process.env.ATLAS_TEST_HOOKS === '1'),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Small data files would otherwise be inlined as data: URLs, which the CSP (connect-src 'self') rightly refuses to fetch.
    assetsInlineLimit: 0,
  },
});
