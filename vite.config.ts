import { defineConfig, type Plugin } from 'vite';

/**
 * The production page gets a Content-Security-Policy that allows only its own origin. MapLibre
 * runs its worker from a blob: URL and decodes images through blob:/data:, hence those two.
 * The dev server is left without it because Vite's client injects inline styles for HMR.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [csp()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Small data files would otherwise be inlined as data: URLs, which the CSP (connect-src 'self') rightly refuses to fetch.
    assetsInlineLimit: 0,
  },
});
