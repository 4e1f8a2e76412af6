// @ts-check
/**
 * Mutation testing (npm run mutate): StrykerJS changes the code under test one small way at a
 * time (a `<=` to `<`, a deleted condition, a constant) and runs the unit tests that cover it;
 * a mutant no test notices is a behaviour no test checks. The score is printed, and the run
 * fails below 80 %.
 *
 * MUTATE (comma-separated globs) narrows the run, e.g. MUTATE=src/core/state/url-schema.ts.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const all = ['src/core/state/**/*.ts', 'src/core/report/**/*.ts', 'src/core/geoparse/**/*.ts', 'src/pipeline/write.ts'];
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: process.env.MUTATE ? process.env.MUTATE.split(',') : all,
  coverageAnalysis: 'perTest',
  // Two cores: one test process a core.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  ignoreStatic: true,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
