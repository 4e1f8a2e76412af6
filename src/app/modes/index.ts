import type { ModeModule } from './context';

/**
 * Every mode module the app mounts. Each is imported here and nowhere else; heavy code inside a
 * mode (deck.gl, charts) is loaded by the module itself, on demand.
 */
export const MODE_MODULES: ModeModule[] = [];
