/**
 * Deterministic size measurements shared by `npm run bench` and `npm run budgets`:
 * production chunks (raw and gzip) classified as initial or lazy, the data assets, and the
 * committed geodata. Sizes only: nothing here depends on the speed of the machine.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

export type AssetKind = 'js' | 'worker' | 'css' | 'data' | 'other';
export type LoadGroup = 'initial' | 'lazy';

export interface AssetSize {
  /** Path relative to dist/, with forward slashes (assets/index-abc.js). */
  file: string;
  kind: AssetKind;
  group: LoadGroup;
  raw: number;
  gzip: number;
}

export interface DistSizes {
  assets: AssetSize[];
  /** Files named by index.html (script src, stylesheet and modulepreload links). */
  entries: string[];
  /** JS (including the MapLibre worker) loaded before first paint, gzip bytes. */
  initialJsGzip: number;
  initialCssGzip: number;
  lazyGzip: number;
  dataGzip: number;
}

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

/** The limits checked in CI. Decimal units: 1 kB = 1000 B, 1 MB = 1 000 000 B. */
export interface Budgets {
  initialJsGzip: number;
  geodataGzip: number;
  basemapGzip: number;
}
export const BUDGETS: Readonly<Budgets> = {
  initialJsGzip: 500_000,
  geodataGzip: 1_000_000,
  basemapGzip: 3_000_000,
};

/** The MapLibre worker is fetched while the map is created, before first paint: it counts as initial. */
export const INITIAL_WORKER_RE = /^maplibre-gl-worker-.*\.mjs$/;
const DATA_EXT = new Set(['.json', '.geojson', '.pbf', '.mvt', '.pmtiles', '.csv', '.bin', '.arrow', '.fgb']);

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function kindOf(file: string): AssetKind {
  const base = posix.basename(file);
  const ext = extname(base).toLowerCase();
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return /worker/i.test(base) ? 'worker' : 'js';
  if (ext === '.css') return 'css';
  if (DATA_EXT.has(ext)) return 'data';
  return 'other';
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Attribute values of one HTML tag's attribute list (`src="…"`, `rel=stylesheet`). */
function attributes(attrs: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of attrs.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    m.set((a[1] as string).toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
  }
  return m;
}

/** A URL written in dist/index.html or a chunk, as a dist-relative path; undefined when it leaves the build. */
function resolveRef(distDir: string, fromFile: string, ref: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) return undefined; // http:, data:, blob:, protocol-relative
  const clean = ref.replace(/[?#].*$/, '');
  if (clean === '') return undefined;
  const abs = clean.startsWith('/') ? resolve(distDir, `.${clean}`) : resolve(dirname(resolve(distDir, fromFile)), clean);
  const rel = toPosix(relative(distDir, abs));
  if (rel.startsWith('..')) return undefined;
  return rel;
}

/** Script, stylesheet and modulepreload references of an HTML page (comments ignored). */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of text.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const a = attributes(tag[2] ?? '');
    if ((tag[1] as string).toLowerCase() === 'script') {
      const src = a.get('src');
      if (src) refs.push(src);
    } else {
      const rel = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = a.get('href');
      if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) refs.push(href);
    }
  }
  return refs;
}

/** Static `import … from`, `import '…'` and `export … from` specifiers of an ES module (not import()). */
export function staticImports(code: string): string[] {
  const ast = parseAst(code) as unknown as { body: Array<{ type: string; source?: { value?: unknown } | null }> };
  const out: string[] = [];
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' && node.type !== 'ExportAllDeclaration' && node.type !== 'ExportNamedDeclaration') continue;
    const v = node.source?.value;
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

/**
 * The relative modules a script imports with `import("./…")`. Used on index.html's own scripts
 * only: the entry imports the app unconditionally once the report has painted (src/app/main.ts),
 * so that code loads before the map's first paint and counts as initial, although it is dynamic.
 */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1] as string);
}

/**
 * Which files of a build load before first paint: everything index.html names, the static
 * imports of those modules (transitively), what its own scripts import dynamically (the app
 * behind the small entry), and the MapLibre worker. Everything else is lazy.
 */
export function classifyDist(distDir: string): { entries: string[]; initial: Set<string> } {
  const htmlPath = resolve(distDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run \`npm run build\` first`);
  const entries = htmlReferences(readFileSync(htmlPath, 'utf8'))
    .map((r) => resolveRef(distDir, 'index.html', r))
    .filter((r): r is string => r !== undefined && existsSync(resolve(distDir, r)));
  const initial = new Set<string>();
  const queue = [...entries];
  for (const f of entries) {
    if (kindOf(f) !== 'js') continue;
    for (const spec of dynamicImports(readFileSync(resolve(distDir, f), 'utf8'))) {
      const dep = resolveRef(distDir, f, spec);
      if (dep && existsSync(resolve(distDir, dep))) queue.push(dep);
    }
  }
  while (queue.length > 0) {
    const f = queue.shift() as string;
    if (initial.has(f)) continue;
    initial.add(f);
    const k = kindOf(f);
    if (k !== 'js' && k !== 'worker') continue;
    for (const spec of staticImports(readFileSync(resolve(distDir, f), 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifiers are not in dist/
      const dep = resolveRef(distDir, f, spec);
      if (dep && existsSync(resolve(distDir, dep))) queue.push(dep);
    }
  }
  for (const abs of walk(distDir)) {
    const f = toPosix(relative(distDir, abs));
    if (INITIAL_WORKER_RE.test(posix.basename(f))) initial.add(f);
  }
  return { entries, initial };
}

/** Sizes of every JS/CSS/worker chunk and data asset under dist/ (index.html itself excluded). */
export function measureDist(distDir: string): DistSizes {
  const { entries, initial } = classifyDist(distDir);
  const assets: AssetSize[] = [];
  for (const abs of walk(distDir)) {
    const file = toPosix(relative(distDir, abs));
    if (file === 'index.html') continue;
    const bytes = readFileSync(abs);
    assets.push({ file, kind: kindOf(file), group: initial.has(file) ? 'initial' : 'lazy', raw: bytes.length, gzip: gzipSize(bytes) });
  }
  const sum = (pred: (a: AssetSize) => boolean) => assets.filter(pred).reduce((n, a) => n + a.gzip, 0);
  const isCode = (a: AssetSize) => a.kind === 'js' || a.kind === 'worker' || a.kind === 'css';
  return {
    assets,
    entries,
    initialJsGzip: sum((a) => a.group === 'initial' && (a.kind === 'js' || a.kind === 'worker')),
    initialCssGzip: sum((a) => a.group === 'initial' && a.kind === 'css'),
    lazyGzip: sum((a) => a.group === 'lazy' && isCode(a)),
    dataGzip: sum((a) => a.kind === 'data'),
  };
}

/** geodata/*.json and geodata/*.geojson (top level only: the gazetteer sources are not shipped). */
export function measureGeodata(geodataDir: string): FileSize[] {
  if (!existsSync(geodataDir)) return [];
  return readdirSync(geodataDir)
    .filter((f) => /\.(geo)?json$/i.test(f) && statSync(join(geodataDir, f)).isFile())
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(geodataDir, f));
      return { file: `geodata/${f}`, raw: bytes.length, gzip: gzipSize(bytes) };
    });
}

/** Every file under geodata/basemap (tiles, fonts, sprites), or undefined when there is no basemap. */
export function measureBasemap(basemapDir: string): FileSize[] | undefined {
  if (!existsSync(basemapDir)) return undefined;
  return walk(basemapDir).map((abs) => {
    const bytes = readFileSync(abs);
    return { file: toPosix(relative(resolve(basemapDir, '../..'), abs)), raw: bytes.length, gzip: gzipSize(bytes) };
  });
}

export interface BudgetCheck {
  name: string;
  actual: number;
  limit: number;
  ok: boolean;
  /** The files that make up the figure, largest first, to name in a failure. */
  files: Array<{ file: string; gzip: number }>;
}

export interface BudgetInput {
  dist: DistSizes;
  geodata: FileSize[];
  basemap: FileSize[] | undefined;
}

export function checkBudgets({ dist, geodata, basemap }: BudgetInput, budgets: Readonly<Budgets> = BUDGETS): BudgetCheck[] {
  const byGzip = (xs: Array<{ file: string; gzip: number }>) =>
    [...xs].sort((a, b) => b.gzip - a.gzip).map(({ file, gzip }) => ({ file, gzip }));
  const check = (name: string, files: Array<{ file: string; gzip: number }>, limit: number): BudgetCheck => {
    const actual = files.reduce((n, f) => n + f.gzip, 0);
    return { name, actual, limit, ok: actual <= limit, files: byGzip(files) };
  };
  const checks = [
    check(
      'initial JS gzip (incl. MapLibre worker)',
      dist.assets.filter((a) => a.group === 'initial' && (a.kind === 'js' || a.kind === 'worker')),
      budgets.initialJsGzip,
    ),
    check('geodata/*.json + *.geojson gzip', geodata, budgets.geodataGzip),
  ];
  if (basemap) checks.push(check('geodata/basemap gzip', basemap, budgets.basemapGzip));
  return checks;
}

/** The names the browser tests' handles are set under (src/app/test-hooks.ts): none may be in a production build. */
export const TEST_HOOK_NAMES = ['atlasKiosk', 'atlasPlanner', 'atlasImport', 'atlasCompare', 'atlasArcs', '__atlasKioskClock'] as const;
const HOOK_RE = new RegExp(`${TEST_HOOK_NAMES.join('|')}|["'\`]atlas["'\`]`, 'g');

/** Test handles found in the built JavaScript: file and the name, for each occurrence. */
export function findTestHooks(distDir: string): Array<{ file: string; name: string }> {
  const dir = join(distDir, 'assets');
  if (!existsSync(dir)) return [];
  const out: Array<{ file: string; name: string }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.mjs')))
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(HOOK_RE)) out.push({ file, name: m[0] });
  return out;
}
