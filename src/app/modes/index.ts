import type { ModeModule } from './context';

/**
 * Every mode module the app mounts, as a loader: each is imported here and nowhere else, and only
 * after the first map paint, so no mode adds to the JavaScript loaded before it. Heavy code inside
 * a mode (deck.gl, charts) is loaded by the module itself, when the mode is entered.
 */
export const MODE_MODULES: Array<() => Promise<ModeModule>> = [
  () => import('./kiosk').then((m) => m.kioskMode),
  () => import('./planner').then((m) => m.plannerMode),
  () => import('./resident').then((m) => m.residentMode),
];
