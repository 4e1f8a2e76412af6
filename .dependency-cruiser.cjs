/**
 * The layers the README's Architecture names, enforced (npm run lint): data flows
 * sources/ → pipeline → geodata/ → app, and src/core is the pure, isomorphic base of both.
 * Checked with dependency-cruiser on the TypeScript import graph, type-only imports included.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is pure isomorphic TypeScript: it imports neither the app nor the pipeline.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(app|pipeline)/' },
    },
    {
      name: 'core-has-no-node',
      comment: 'src/core runs in the browser and in a Web Worker too: no Node built-in modules.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-not-pipeline',
      comment: 'The browser app reads geodata/ the pipeline wrote; it never imports the pipeline (node:fs and all).',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/pipeline/' },
    },
    {
      name: 'app-has-no-node',
      comment: 'The browser app imports no Node built-in module.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pipeline-not-app',
      comment: 'The pipeline is Node: it shares code with the app only through src/core.',
      severity: 'error',
      from: { path: '^src/pipeline/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'mode-keeps-to-itself',
      comment: 'A mode imports no module of another mode; what they share lives outside src/app/modes/<name>/.',
      severity: 'error',
      from: { path: '^src/app/modes/([^/]+)/' },
      to: { path: '^src/app/modes/[^/]+/', pathNot: '^src/app/modes/$1/' },
    },
    {
      name: 'mode-entered-by-its-index',
      comment:
        "Outside a mode, only its index.ts (the ModeDef) is imported; the rest is the mode's own and loads lazily through it.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/app/modes/[^/]+/' },
      to: { path: '^src/app/modes/[^/]+/', pathNot: '^src/app/modes/[^/]+/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '\\.(css|json|geojson)$|\\?' },
  },
};
