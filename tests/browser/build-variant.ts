import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveDir } from './static-server';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The app built with a deployment's atlas.config.json (a basemap provider, a public address) into
 * a temp dir and served there: what such a deployment ships. The build reads the configuration
 * from ATLAS_CONFIG, which is restored at once so nothing else sees it.
 */
export async function buildVariant(config: object): Promise<{ url: string; dist: string; close(): Promise<void> }> {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-variant-'));
  const file = join(tmp, 'atlas.config.json');
  writeFileSync(file, JSON.stringify(config));
  const before = process.env.ATLAS_CONFIG;
  process.env.ATLAS_CONFIG = file;
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: join(tmp, 'dist'), emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.ATLAS_CONFIG;
    else process.env.ATLAS_CONFIG = before;
  }
  const site = await serveDir(join(tmp, 'dist'));
  return {
    url: site.url,
    dist: join(tmp, 'dist'),
    async close() {
      await site.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
