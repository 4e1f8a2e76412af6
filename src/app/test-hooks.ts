/**
 * Handles for the browser tests (the live map, the store, mode internals), set only in a build
 * made for them (`ATLAS_TEST_HOOKS=1`, as `npm test` builds). In a production build the constant
 * is false and every `if (TEST_HOOKS)` block, with the names it would set, is removed.
 */
declare const __ATLAS_TEST_HOOKS__: boolean | undefined;
export const TEST_HOOKS: boolean = typeof __ATLAS_TEST_HOOKS__ !== 'undefined' && __ATLAS_TEST_HOOKS__ === true;

/** Sets a test handle on window. Call only inside `if (TEST_HOOKS)`. */
export function expose(name: string, value: unknown): void {
  (window as unknown as Record<string, unknown>)[name] = value;
}
