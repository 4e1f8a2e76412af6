import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';

type OutputChunk = Extract<NonNullable<IndexHtmlTransformContext['bundle']>[string], { type: 'chunk' }>;

/**
 * The entry (src/app/main.ts) imports the app (src/app/start.ts) only after the first paint. So
 * that its code is not fetched only then, index.html lists that chunk and everything it imports
 * statically as <link rel="modulepreload">: downloaded and compiled at once, run when imported.
 * (Vite preloads a dynamic import's dependencies at the moment of the import, which is too late.)
 */
export function preloadStart(entry = 'src/app/start.ts'): Plugin {
  let base = './';
  return {
    name: 'atlas-preload-start',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
        const start = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${entry}`));
        if (!start) throw new Error(`preload-start: no chunk for ${entry} in the build`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files: string[] = [];
        const visit = (c: OutputChunk) => {
          if (files.includes(c.fileName)) return;
          files.push(c.fileName);
          for (const dep of c.imports) {
            const d = byName.get(dep);
            if (d) visit(d);
          }
        };
        visit(start);
        const tags: HtmlTagDescriptor[] = files
          .map((f) => `${base}${f}`)
          .filter((href) => !html.includes(`"${href}"`))
          .map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href }, injectTo: 'head' }));
        return { html, tags };
      },
    },
  };
}
