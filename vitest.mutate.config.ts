import { defineConfig } from 'vitest/config';

/**
 * The unit tests StrykerJS runs against each mutant (npm run mutate): the in-process ones. Tests
 * that run the CLIs in a child process (cli, geoparse-cli, pipeline-failures) cannot see a mutant,
 * which lives only in the test process, so they would only cost time there.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/cli.test.ts', 'tests/unit/geoparse-cli.test.ts', 'tests/unit/pipeline-failures.test.ts'],
    environment: 'node',
  },
});
