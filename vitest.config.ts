import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          // Builds made inside the tests (a provider, a public address) carry the test handles too.
          env: { ATLAS_TEST_HOOKS: '1' },
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup/server.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // expect.poll waits for a page to reach a state; 1 s (the default) is too short on a loaded
          // two-core CI machine, where the offline badge once appeared after it. Only a failure waits this long.
          expect: { poll: { timeout: 30_000 } },
          // One Chromium at a time: the CI machine has two cores and SwiftShader is CPU-bound.
          fileParallelism: false,
        },
      },
    ],
  },
});
